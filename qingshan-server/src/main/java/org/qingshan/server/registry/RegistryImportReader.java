package org.qingshan.server.registry;

import static org.qingshan.server.registry.RegistrySheets.CHANNELS;
import static org.qingshan.server.registry.RegistrySheets.CODE;
import static org.qingshan.server.registry.RegistrySheets.ENTERPRISES;
import static org.qingshan.server.registry.RegistrySheets.FACILITIES;
import static org.qingshan.server.registry.RegistrySheets.LIMITS;
import static org.qingshan.server.registry.RegistrySheets.OUTLETS;
import static org.qingshan.server.registry.RegistrySheets.PERMITS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.ImportPreview.ChannelRow;
import org.qingshan.server.registry.ImportPreview.EnterpriseRow;
import org.qingshan.server.registry.ImportPreview.FacilityRow;
import org.qingshan.server.registry.ImportPreview.LimitRow;
import org.qingshan.server.registry.ImportPreview.OutletRow;
import org.qingshan.server.registry.ImportPreview.PermitRow;
import org.qingshan.server.registry.ImportPreview.RowError;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * Reads a registry workbook and checks every row as the forms do, and each reference (an outlet's
 * enterprise, a limit's outlet, a channel's device) against the file and the registry: nothing is
 * written here.
 */
@Component
class RegistryImportReader {
  private static final Pattern INDUSTRY = Pattern.compile("[A-T]|[A-T]?[0-9]{2,4}");
  private static final Pattern OUTLET_CODE = Pattern.compile("D[AW][0-9]{3}");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,40}");
  private static final Pattern LIST = Pattern.compile("[、,，;；\\s]+");

  private final RegistrySheets sheets;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final FacilityRepository facilities;
  private final DeviceRegistry devices;
  private final Messages messages;
  private final RegistrySettings settings;

  RegistryImportReader(
      RegistrySheets sheets,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      FacilityRepository facilities,
      DeviceRegistry devices,
      Messages messages,
      RegistrySettings settings) {
    this.sheets = sheets;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.facilities = facilities;
    this.devices = devices;
    this.messages = messages;
    this.settings = settings;
  }

  /** A cell problem: the row is reported and skipped. */
  private static final class Bad extends Exception {
    final String column;

    Bad(String column, String reason) {
      super(reason, null, false, false);
      this.column = column;
    }
  }

  /** One row of a sheet, its cells by column name. */
  private final class Line {
    final String sheet;
    final int number;
    final Map<String, String> cells;

    Line(String sheet, int number, Map<String, String> cells) {
      this.sheet = sheet;
      this.number = number;
      this.cells = cells;
    }

    Optional<String> text(String column) {
      return Optional.ofNullable(cells.get(column)).map(String::trim).filter(s -> !s.isEmpty());
    }

    String required(String column) throws Bad {
      return text(column)
          .orElseThrow(() -> new Bad(column, messages.get("registry.import.required")));
    }

    Optional<Double> number(String column) throws Bad {
      Optional<String> t = text(column);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      try {
        double d = Double.parseDouble(t.get());
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new NumberFormatException();
        }
        return Optional.of(d);
      } catch (NumberFormatException e) {
        throw new Bad(column, messages.get("registry.import.number", t.get()));
      }
    }

    OptionalDouble optionalDouble(String column) throws Bad {
      Optional<Double> d = number(column);
      return d.isPresent() ? OptionalDouble.of(d.get()) : OptionalDouble.empty();
    }

    boolean yes(String column, boolean otherwise) throws Bad {
      Optional<String> t = text(column);
      if (t.isEmpty()) {
        return otherwise;
      }
      return switch (t.get()) {
        case RegistrySheets.YES, "Y", "y", "TRUE", "true", "1" -> true;
        case RegistrySheets.NO, "N", "n", "FALSE", "false", "0" -> false;
        default -> throw new Bad(column, messages.get("registry.import.yes-no", t.get()));
      };
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) throws Bad {
      String t = required(column);
      return sheets
          .parse(type, t)
          .orElseThrow(
              () ->
                  new Bad(column, messages.get("registry.import.choice", t, sheets.choices(type))));
    }

    Optional<LocalDate> date(String column) throws Bad {
      Optional<String> t = text(column);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(t.get().replace('/', '-')));
      } catch (DateTimeParseException e) {
        throw new Bad(column, messages.get("registry.import.date", t.get()));
      }
    }

    CreditCode creditCode() throws Bad {
      String t = required(CODE);
      return CreditCode.parse(t)
          .orElseThrow(() -> new Bad(CODE, messages.get("registry.credit-code.invalid")));
    }
  }

  /** Reads the workbook; a file that is no workbook or lacks columns is refused as a whole. */
  ImportPreview read(String fileName, byte[] bytes) {
    Map<String, List<Line>> lines = new LinkedHashMap<>();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      List<String> missingColumns = new ArrayList<>();
      boolean any = false;
      for (String name : RegistrySheets.SHEETS.keySet()) {
        Sheet sheet = book.getSheet(name);
        if (sheet == null) {
          continue;
        }
        any = true;
        Optional<List<Line>> read = lines(name, sheet, missingColumns);
        read.ifPresent(l -> lines.put(name, l));
      }
      if (!missingColumns.isEmpty()) {
        throw new UserFacingException(
            "registry.import.missing-columns", String.join("；", missingColumns));
      }
      if (!any) {
        throw new UserFacingException(
            "registry.import.no-sheets", String.join("、", RegistrySheets.SHEETS.keySet()));
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserFacingException u) {
        throw u;
      }
      throw new UserFacingException("registry.import.unreadable", fileName);
    }
    return check(fileName, lines);
  }

  private Optional<List<Line>> lines(String name, Sheet sheet, List<String> missingColumns) {
    DataFormatter formatter = new DataFormatter();
    Row head = sheet.getRow(sheet.getFirstRowNum());
    Map<String, Integer> index = new HashMap<>();
    if (head != null) {
      for (Cell c : head) {
        index.putIfAbsent(
            RegistrySheets.normalHeader(formatter.formatCellValue(c)), c.getColumnIndex());
      }
    }
    List<String> missing =
        RegistrySheets.SHEETS.get(name).stream()
            .filter(RegistrySheets.Column::required)
            .map(RegistrySheets.Column::name)
            .filter(c -> !index.containsKey(RegistrySheets.normalHeader(c)))
            .toList();
    if (!missing.isEmpty()) {
      missingColumns.add(
          messages.get("registry.import.sheet-missing", name, String.join("、", missing)));
      return Optional.empty();
    }
    if (sheet.getLastRowNum() > settings.importMaxRows()) {
      throw new UserFacingException(
          "registry.import.too-many-rows", name, settings.importMaxRows());
    }
    List<Line> out = new ArrayList<>();
    for (int r = (head == null ? 0 : head.getRowNum() + 1); r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, String> cells = new HashMap<>();
      boolean blank = true;
      for (RegistrySheets.Column col : RegistrySheets.SHEETS.get(name)) {
        Integer i = index.get(RegistrySheets.normalHeader(col.name()));
        String v = i == null ? "" : text(row.getCell(i), formatter);
        blank &= v.isBlank();
        cells.put(col.name(), v);
      }
      if (!blank) {
        out.add(new Line(name, r + 1, cells));
      }
    }
    return Optional.of(out);
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }
    if (type == CellType.BOOLEAN) {
      return cell.getBooleanCellValue() ? RegistrySheets.YES : RegistrySheets.NO;
    }
    if (type == CellType.STRING) {
      return cell.getStringCellValue().trim();
    }
    return formatter.formatCellValue(cell).trim();
  }

  /** Checks every row, in the order references need: enterprises first, channels last. */
  private ImportPreview check(String fileName, Map<String, List<Line>> lines) {
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    lines.forEach((k, v) -> counts.put(k, v.size()));

    // enterprises of the file by credit code; those of the registry are looked up as needed
    Map<String, EnterpriseRow> firms = new LinkedHashMap<>();
    Map<String, Integer> firstRow = new HashMap<>();
    for (Line l : lines.getOrDefault(ENTERPRISES, List.of())) {
      try {
        CreditCode code = l.creditCode();
        if (firstRow.containsKey(code.value())) {
          throw new Bad(
              CODE, messages.get("registry.import.duplicate", firstRow.get(code.value())));
        }
        firstRow.put(code.value(), l.number);
        Optional<String> industry = l.text("行业代码");
        if (industry.isPresent() && !INDUSTRY.matcher(industry.get()).matches()) {
          throw new Bad("行业代码", messages.get("registry.industry-code.pattern"));
        }
        Optional<Double> lon = l.number("经度");
        if (lon.isPresent() && Math.abs(lon.get()) > 180) {
          throw new Bad("经度", messages.get("registry.longitude.range"));
        }
        Optional<Double> lat = l.number("纬度");
        if (lat.isPresent() && Math.abs(lat.get()) > 90) {
          throw new Bad("纬度", messages.get("registry.latitude.range"));
        }
        Set<KeyPolluterCategory> cats = EnumSet.noneOf(KeyPolluterCategory.class);
        for (String c : split(l.text("重点排污单位类别").orElse(""))) {
          cats.add(
              sheets
                  .parse(KeyPolluterCategory.class, c)
                  .orElseThrow(
                      () ->
                          new Bad(
                              "重点排污单位类别",
                              messages.get(
                                  "registry.import.choice",
                                  c,
                                  sheets.choices(KeyPolluterCategory.class)))));
        }
        Optional<PermitClass> permitClass =
            l.text("管理类别").isPresent()
                ? Optional.of(l.choice("管理类别", PermitClass.class))
                : Optional.empty();
        Optional<LocalDate> from = l.date("有效期自");
        Optional<LocalDate> to = l.date("有效期至");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
          throw new Bad("有效期至", messages.get("registry.permit-valid.order"));
        }
        Optional<String> phone = l.text("联系电话");
        if (phone.isPresent() && !PHONE.matcher(phone.get()).matches()) {
          throw new Bad("联系电话", messages.get("registry.contact-phone.pattern"));
        }
        String name = l.required("企业名称");
        if (name.length() > 200) {
          throw new Bad("企业名称", messages.get("registry.import.too-long", 200));
        }
        firms.put(
            code.value(),
            new EnterpriseRow(
                new Enterprise(
                    0,
                    name,
                    code,
                    industry,
                    l.text("行业名称"),
                    l.text("地址"),
                    l.text("乡镇（街道）"),
                    l.text("网格"),
                    Optional.empty(),
                    lon,
                    lat,
                    cats,
                    l.text("排污许可证编号"),
                    permitClass,
                    from,
                    to,
                    l.text("环保联系人"),
                    phone)));
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }

    Map<String, OutletKind> outletKinds = new HashMap<>();
    List<OutletRow> outletRows = new ArrayList<>();
    Map<String, Integer> outletFirst = new HashMap<>();
    for (Line l : lines.getOrDefault(OUTLETS, List.of())) {
      try {
        CreditCode code = known(l, firms);
        String outletCode = l.required("排放口编号").toUpperCase();
        if (!OUTLET_CODE.matcher(outletCode).matches()) {
          throw new Bad("排放口编号", messages.get("registry.outlet.code.pattern"));
        }
        String key = code.value() + "/" + outletCode;
        if (outletFirst.containsKey(key)) {
          throw new Bad("排放口编号", messages.get("registry.import.duplicate", outletFirst.get(key)));
        }
        OutletKind kind = l.choice("类型", OutletKind.class);
        try {
          RegistryService.requireCodeMatchesKind(outletCode, kind);
        } catch (UserFacingException e) {
          throw new Bad("类型", messages.get(e.messageKey(), e.arguments()));
        }
        List<String> mns = split(l.text("监测设备MN").orElse(""));
        for (String mn : mns) {
          if (devices.byMn(mn).isEmpty()) {
            throw new Bad("监测设备MN", messages.get("registry.import.device-unknown", mn));
          }
        }
        outletFirst.put(key, l.number);
        outletKinds.put(key, kind);
        outletRows.add(
            new OutletRow(
                code.value(),
                new Outlet(
                    0,
                    0,
                    outletCode,
                    l.required("名称"),
                    kind,
                    l.yes("主要排放口", true),
                    l.text("执行标准"),
                    l.number("经度"),
                    l.number("纬度")),
                mns));
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }

    List<LimitRow> limitRows = new ArrayList<>();
    Map<String, Integer> limitFirst = new HashMap<>();
    for (Line l : lines.getOrDefault(LIMITS, List.of())) {
      try {
        CreditCode code = known(l, firms);
        String outletCode = l.required("排放口编号").toUpperCase();
        OutletKind kind = outletKind(code, outletCode, outletKinds);
        Averaging averaging = l.choice("判定周期", Averaging.class);
        String factor = l.required("因子");
        double value =
            l.number("限值")
                .orElseThrow(() -> new Bad("限值", messages.get("registry.import.required")));
        OutletLimit limit =
            new OutletLimit(
                0,
                0,
                factor,
                averaging,
                value,
                l.optionalDouble("下限"),
                l.required("单位"),
                l.text("标准"),
                l.yes("折算", false),
                l.optionalDouble("基准含氧量"));
        Optional<String> problem = LimitRules.problem(limit, kind);
        if (problem.isPresent()) {
          String column =
              problem.get().contains("o2")
                  ? "基准含氧量"
                  : problem.get().contains("lower")
                      ? "下限"
                      : problem.get().contains("factor") ? "因子" : "限值";
          throw new Bad(column, messages.get(problem.get(), factor));
        }
        String key = code.value() + "/" + outletCode + "/" + factor + "/" + averaging;
        if (limitFirst.containsKey(key)) {
          throw new Bad("因子", messages.get("registry.import.duplicate", limitFirst.get(key)));
        }
        limitFirst.put(key, l.number);
        limitRows.add(new LimitRow(code.value(), outletCode, limit));
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }

    List<PermitRow> permitRows = new ArrayList<>();
    for (Line l : lines.getOrDefault(PERMITS, List.of())) {
      try {
        CreditCode code = known(l, firms);
        String pollutant = l.required("污染物");
        double tonnes =
            l.number("许可量（吨/年）")
                .orElseThrow(() -> new Bad("许可量（吨/年）", messages.get("registry.import.required")));
        if (tonnes < 0) {
          throw new Bad("许可量（吨/年）", messages.get("registry.permit.negative", pollutant));
        }
        permitRows.add(new PermitRow(code.value(), pollutant, tonnes));
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }

    Map<String, FacilityKind> facilityKinds = new HashMap<>();
    List<FacilityRow> facilityRows = new ArrayList<>();
    List<Line> facilityLines = new ArrayList<>();
    for (Line l : lines.getOrDefault(FACILITIES, List.of())) {
      try {
        CreditCode code = known(l, firms);
        String name = l.required("设施名称");
        FacilityKind kind = l.choice("类别", FacilityKind.class);
        OptionalDouble power = l.optionalDouble("额定功率（kW）");
        OptionalDouble current = l.optionalDouble("额定电流（A）");
        if (power.orElse(0) < 0 || current.orElse(0) < 0) {
          throw new Bad("额定功率（kW）", messages.get("registry.facility.rated.negative"));
        }
        String key = code.value() + "/" + name;
        if (facilityKinds.containsKey(key)) {
          throw new Bad("设施名称", messages.get("registry.import.duplicate-name", name));
        }
        facilityKinds.put(key, kind);
        facilityLines.add(l);
        facilityRows.add(
            new FacilityRow(
                code.value(), name, kind, power, current, split(l.text("服务的生产设施").orElse(""))));
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }
    // which production lines a treatment facility serves: known once every facility row is read
    List<FacilityRow> checkedFacilities = new ArrayList<>();
    for (int i = 0; i < facilityRows.size(); i++) {
      FacilityRow f = facilityRows.get(i);
      Line l = facilityLines.get(i);
      try {
        if (!f.serves().isEmpty() && f.kind() != FacilityKind.TREATMENT) {
          throw new Bad("服务的生产设施", messages.get("registry.facility.link.kinds"));
        }
        for (String p : f.serves()) {
          if (!facilityKind(f.creditCode(), p, facilityKinds)
              .equals(Optional.of(FacilityKind.PRODUCTION))) {
            throw new Bad("服务的生产设施", messages.get("registry.import.production-unknown", p));
          }
        }
        checkedFacilities.add(f);
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }

    List<ChannelRow> channelRows = new ArrayList<>();
    Map<String, Integer> channelFirst = new HashMap<>();
    for (Line l : lines.getOrDefault(CHANNELS, List.of())) {
      try {
        CreditCode code = known(l, firms);
        String facility = l.required("设施名称");
        if (facilityKind(code.value(), facility, facilityKinds).isEmpty()) {
          throw new Bad("设施名称", messages.get("registry.import.facility-unknown", facility));
        }
        String mn = l.required("设备MN");
        if (devices.byMn(mn).isEmpty()) {
          throw new Bad("设备MN", messages.get("registry.import.device-unknown", mn));
        }
        String channel = l.required("编码");
        ChannelKind kind = l.choice("类型", ChannelKind.class);
        Optional<String> problem = ChannelRules.problem(channel, kind);
        if (problem.isPresent()) {
          throw new Bad("编码", messages.get(problem.get(), channel));
        }
        String key = mn + "/" + channel;
        if (channelFirst.containsKey(key)) {
          throw new Bad("编码", messages.get("registry.import.duplicate", channelFirst.get(key)));
        }
        channelFirst.put(key, l.number);
        channelRows.add(new ChannelRow(code.value(), facility, mn, channel, kind));
      } catch (Bad b) {
        errors.add(new RowError(l.sheet, l.number, b.column, b.getMessage()));
      }
    }
    return new ImportPreview(
        fileName,
        List.copyOf(firms.values()),
        outletRows,
        limitRows,
        permitRows,
        checkedFacilities,
        channelRows,
        errors,
        counts);
  }

  /** The credit code of a row, of an enterprise of the file's good rows or of the registry. */
  private CreditCode known(Line l, Map<String, EnterpriseRow> firms) throws Bad {
    CreditCode code = l.creditCode();
    if (!firms.containsKey(code.value()) && enterprises.findByCreditCode(code).isEmpty()) {
      throw new Bad(CODE, messages.get("registry.import.enterprise-unknown", code.value()));
    }
    return code;
  }

  private OutletKind outletKind(CreditCode code, String outletCode, Map<String, OutletKind> inFile)
      throws Bad {
    OutletKind kind = inFile.get(code.value() + "/" + outletCode);
    if (kind != null) {
      return kind;
    }
    return enterprises
        .findByCreditCode(code)
        .flatMap(
            e ->
                outlets.ofEnterprise(e.id()).stream()
                    .filter(o -> o.code().equalsIgnoreCase(outletCode))
                    .map(Outlet::kind)
                    .findFirst())
        .orElseThrow(
            () -> new Bad("排放口编号", messages.get("registry.import.outlet-unknown", outletCode)));
  }

  private Optional<FacilityKind> facilityKind(
      String code, String name, Map<String, FacilityKind> inFile) {
    FacilityKind kind = inFile.get(code + "/" + name);
    if (kind != null) {
      return Optional.of(kind);
    }
    return enterprises
        .findByCreditCode(new CreditCode(code))
        .flatMap(
            e ->
                facilities.ofEnterprise(e.id()).stream()
                    .filter(f -> f.name().equals(name))
                    .map(Facility::kind)
                    .findFirst());
  }

  private static List<String> split(String text) {
    return Arrays.stream(LIST.split(text.trim())).filter(s -> !s.isBlank()).toList();
  }
}
