package org.qingshan.standards.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.water.ItemClass;
import org.qingshan.standards.water.NonDetect;
import org.qingshan.standards.water.WaterBodyType;
import org.qingshan.standards.water.WaterClass;
import org.qingshan.standards.water.WaterItem;
import org.qingshan.standards.water.WaterQuality;
import org.qingshan.standards.water.WaterQualityEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qingshan water [--lake]}: class of each sample row per GB 3838—2002 (single-factor, the 21
 * items), and the items worse than Ⅲ with their 超标倍数.
 */
public final class WaterCommand {
  static final String USAGE =
      "usage: qingshan water [--lake] < samples.csv\n"
          + "  input header:  section,time,<items…> with items among "
          + String.join(" ", Arrays.stream(WaterItem.values()).map(WaterItem::code).toList())
          + " (mg/L, pH dimensionless, fecal_coliform 个/L; empty cell = not measured;"
          + " 0.01L or <0.01 = below detection limit, counted as half of it)\n"
          + "  output header: section,time,class,over_items"
          + " (class I…V or 劣V; over_items: items worse than III as code:multiple, ';'-separated)\n"
          + "  --lake  lake or reservoir total phosphorus limits";
  static final String OUTPUT_HEADER = "section,time,class,over_items";

  private WaterCommand() {}

  /** The flags of {@code qingshan water}. */
  @Command(name = "water")
  static final class Options {
    @Option(names = "--lake")
    boolean lake;

    @Option(names = {"-h", "--help"})
    boolean help;
  }

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Options options = new Options();
    Optional<String> problem = Flags.parse(options, args);
    if (problem.isPresent()) {
      return Flags.usageError(err, "water", problem.get(), USAGE);
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    final WaterBodyType waterBody = options.lake ? WaterBodyType.LAKE : WaterBodyType.RIVER;
    out.println(OUTPUT_HEADER);
    try {
      boolean ok =
          CsvTable.read(
              in,
              c -> c.equals("section") || c.equals("time") || WaterItem.fromCode(c).isPresent(),
              List.of("section", "time"),
              err,
              row -> out.println(evaluate(row, waterBody)));
      return ok ? 0 : 1;
    } catch (RowError e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot read input: " + e.getMessage());
      return 1;
    }
  }

  private static String evaluate(CsvTable.Row row, WaterBodyType body) throws RowError {
    if (row.text("section").isEmpty()) {
      throw row.error("section", "empty");
    }
    Map<WaterItem, BigDecimal> values = new EnumMap<>(WaterItem.class);
    for (WaterItem item : WaterItem.values()) {
      Optional<BigDecimal> nonDetect = NonDetect.detectionLimit(row.text(item.code()));
      Optional<BigDecimal> v =
          nonDetect.isPresent()
              ? Optional.of(NonDetect.substitute(nonDetect.get()))
              : row.number(item.code());
      if (v.isPresent()) {
        if (item == WaterItem.PH && v.get().compareTo(BigDecimal.valueOf(14)) > 0) {
          throw row.error(item.code(), "'" + v.get() + "' is not a pH value");
        }
        values.put(item, v.get());
      }
    }
    WaterQuality q = WaterQualityEvaluator.evaluate(values, body, WaterClass.III);
    if (q.waterClass().isEmpty()) {
      throw row.error("items", "none of the 21 evaluation items is measured");
    }
    List<String> over = new ArrayList<>();
    for (ItemClass i : q.overTarget()) {
      over.add(i.item().code() + i.multiple().map(m -> ":" + m.toPlainString()).orElse(""));
    }
    return Csv.join(
        List.of(
            row.text("section"),
            row.text("time"),
            q.waterClass().get().code(),
            String.join(";", over)));
  }
}
