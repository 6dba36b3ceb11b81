package org.qingshan.server.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.web.Messages;
import org.springframework.stereotype.Component;

/**
 * The registry as a workbook, one sheet per kind of record, the same columns for the template, the
 * export and the import; choices are written as the page shows them (废气, 小时均值, 是).
 */
@Component
public class RegistrySheets {
  public static final String ENTERPRISES = "企业";
  public static final String OUTLETS = "排放口";
  public static final String LIMITS = "限值";
  public static final String PERMITS = "许可排放量";
  public static final String FACILITIES = "设施";
  public static final String CHANNELS = "计量通道";
  static final String CODE = "统一社会信用代码";
  static final String YES = "是";
  static final String NO = "否";

  /** Every sheet with its columns; a column marked required must be present and filled. */
  public static final Map<String, List<Column>> SHEETS = new LinkedHashMap<>();

  /** A column of a sheet. */
  public record Column(String name, boolean required) {}

  static {
    SHEETS.put(
        ENTERPRISES,
        columns(
            "*" + CODE,
            "*企业名称",
            "行业代码",
            "行业名称",
            "地址",
            "乡镇（街道）",
            "网格",
            "经度",
            "纬度",
            "重点排污单位类别",
            "排污许可证编号",
            "管理类别",
            "有效期自",
            "有效期至",
            "环保联系人",
            "联系电话"));
    SHEETS.put(
        OUTLETS,
        columns("*" + CODE, "*排放口编号", "*名称", "*类型", "主要排放口", "执行标准", "经度", "纬度", "监测设备MN"));
    SHEETS.put(
        LIMITS,
        columns("*" + CODE, "*排放口编号", "*因子", "*判定周期", "*限值", "下限", "*单位", "标准", "折算", "基准含氧量"));
    SHEETS.put(PERMITS, columns("*" + CODE, "*污染物", "*许可量（吨/年）"));
    SHEETS.put(FACILITIES, columns("*" + CODE, "*设施名称", "*类别", "额定功率（kW）", "额定电流（A）", "服务的生产设施"));
    SHEETS.put(CHANNELS, columns("*" + CODE, "*设施名称", "*设备MN", "*编码", "*类型"));
  }

  private static List<Column> columns(String... names) {
    List<Column> out = new ArrayList<>();
    for (String n : names) {
      out.add(n.startsWith("*") ? new Column(n.substring(1), true) : new Column(n, false));
    }
    return List.copyOf(out);
  }

  public static List<String> headers(String sheet) {
    return SHEETS.get(sheet).stream().map(Column::name).toList();
  }

  private final Messages messages;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final PermitTotalRepository permits;
  private final FacilityRepository facilities;
  private final DeviceRegistry devices;

  RegistrySheets(
      Messages messages,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      PermitTotalRepository permits,
      FacilityRepository facilities,
      DeviceRegistry devices) {
    this.messages = messages;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.permits = permits;
    this.facilities = facilities;
    this.devices = devices;
  }

  /** The enum constant a cell names, by its label on the pages or its code. */
  public <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    String t = text.trim();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(t) || messages.label(e).equals(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The labels a column of this type takes, for the message about a wrong one. */
  public <E extends Enum<E>> String choices(Class<E> type) {
    List<String> labels = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      labels.add(messages.label(e));
    }
    return String.join("、", labels);
  }

  /** The template: every sheet with its headers (required ones marked) and a sheet of notes. */
  public void writeTemplate(OutputStream out) throws IOException {
    Map<String, List<List<?>>> empty = new LinkedHashMap<>();
    SHEETS.keySet().forEach(s -> empty.put(s, List.of()));
    List<List<?>> notes = new ArrayList<>();
    notes.add(List.of("带 * 的列必须填写；表头须保留原样（可去掉 *）。企业以统一社会信用代码对应，已登记的企业按表中内容更新。"));
    notes.add(List.of("类型：" + choices(OutletKind.class) + "；判定周期：" + choices(Averaging.class)));
    notes.add(
        List.of(
            "管理类别："
                + choices(PermitClass.class)
                + "；重点排污单位类别："
                + choices(KeyPolluterCategory.class)
                + "（多个用、分隔）"));
    notes.add(
        List.of("设施类别：" + choices(FacilityKind.class) + "；计量通道类型：" + choices(ChannelKind.class)));
    notes.add(List.of("是/否 列填“是”或“否”；日期写成 2026-01-31；折算的限值须填写基准含氧量（小于 21）。"));
    empty.put("填写说明", notes);
    write(out, empty, true);
  }

  /** Every record of the enterprises given, a sheet each. */
  public void writeAll(OutputStream out, List<Enterprise> list) throws IOException {
    Map<Long, Device> byId = new LinkedHashMap<>();
    devices.all().forEach(d -> byId.put(d.id(), d));
    Map<String, List<List<?>>> sheets = new LinkedHashMap<>();
    SHEETS.keySet().forEach(s -> sheets.put(s, new ArrayList<>()));
    Map<Long, Long> deviceOutlets = outlets.deviceOutlets();
    for (Enterprise e : list) {
      String code = e.creditCode().value();
      sheets
          .get(ENTERPRISES)
          .add(
              List.of(
                  code,
                  e.name(),
                  e.industryCode().orElse(""),
                  e.industryName().orElse(""),
                  e.address().orElse(""),
                  e.town().orElse(""),
                  e.grid().orElse(""),
                  number(e.longitude()),
                  number(e.latitude()),
                  e.keyCategories().stream()
                      .sorted()
                      .map(messages::label)
                      .collect(Collectors.joining("、")),
                  e.permitNumber().orElse(""),
                  e.permitClass().map(messages::label).orElse(""),
                  e.permitValidFrom().map(Object::toString).orElse(""),
                  e.permitValidTo().map(Object::toString).orElse(""),
                  e.contactName().orElse(""),
                  e.contactPhone().orElse("")));
      for (Outlet o : outlets.ofEnterprise(e.id())) {
        String mns =
            deviceOutlets.entrySet().stream()
                .filter(x -> x.getValue() == o.id())
                .map(x -> byId.containsKey(x.getKey()) ? byId.get(x.getKey()).mn() : "")
                .sorted()
                .collect(Collectors.joining("、"));
        sheets
            .get(OUTLETS)
            .add(
                List.of(
                    code,
                    o.code(),
                    o.name(),
                    messages.label(o.kind()),
                    o.main() ? YES : NO,
                    o.emissionStandard().orElse(""),
                    number(o.longitude()),
                    number(o.latitude()),
                    mns));
        for (OutletLimit l : outlets.limits(o.id())) {
          sheets
              .get(LIMITS)
              .add(
                  List.of(
                      code,
                      o.code(),
                      l.factor(),
                      messages.label(l.averaging()),
                      l.limit(),
                      number(l.lowerLimit()),
                      l.unit(),
                      l.standard().orElse(""),
                      l.corrected() ? YES : NO,
                      number(l.referenceO2())));
        }
      }
      for (PermitTotal t : permits.ofEnterprise(e.id())) {
        sheets.get(PERMITS).add(List.of(code, t.pollutant(), t.tonnes()));
      }
      List<Facility> all = facilities.ofEnterprise(e.id());
      List<Map.Entry<Long, Long>> links = facilities.linksOfEnterprise(e.id());
      for (Facility f : all) {
        String serves =
            links.stream()
                .filter(l -> l.getValue() == f.id())
                .flatMap(l -> all.stream().filter(x -> x.id() == l.getKey()))
                .map(Facility::name)
                .collect(Collectors.joining("、"));
        sheets
            .get(FACILITIES)
            .add(
                List.of(
                    code,
                    f.name(),
                    messages.label(f.kind()),
                    number(f.ratedPowerKw()),
                    number(f.ratedCurrentA()),
                    serves));
      }
      for (FacilityChannel c : facilities.channelsOfEnterprise(e.id())) {
        String facility =
            all.stream()
                .filter(f -> f.id() == c.facilityId())
                .map(Facility::name)
                .findFirst()
                .orElse("");
        sheets
            .get(CHANNELS)
            .add(
                List.of(
                    code,
                    facility,
                    byId.containsKey(c.deviceId()) ? byId.get(c.deviceId()).mn() : "",
                    c.code(),
                    messages.label(c.kind())));
      }
    }
    write(out, sheets, false);
  }

  private static Object number(Optional<Double> d) {
    return d.isPresent() ? (Object) d.get() : "";
  }

  private static Object number(OptionalDouble d) {
    return d.isPresent() ? (Object) d.getAsDouble() : "";
  }

  private static void write(OutputStream out, Map<String, List<List<?>>> sheets, boolean marks)
      throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      for (Map.Entry<String, List<List<?>>> s : sheets.entrySet()) {
        Sheet sheet = book.createSheet(s.getKey());
        List<Column> columns = SHEETS.getOrDefault(s.getKey(), List.of());
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
          Column col = columns.get(c);
          head.createCell(c).setCellValue(marks && col.required() ? "*" + col.name() : col.name());
          head.getCell(c).setCellStyle(bold);
          sheet.setColumnWidth(c, 18 * 256);
        }
        int r = columns.isEmpty() ? 0 : 1;
        for (List<?> values : s.getValue()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else {
              row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
          }
        }
      }
      book.write(out);
    }
  }

  static String normalHeader(String text) {
    return text.trim().replaceFirst("^\\*", "").trim().toLowerCase(Locale.ROOT);
  }
}
