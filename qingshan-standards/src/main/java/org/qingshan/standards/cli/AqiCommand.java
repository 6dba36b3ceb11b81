package org.qingshan.standards.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.standards.aqi.AqiCalculator;
import org.qingshan.standards.aqi.AqiIndicator;
import org.qingshan.standards.aqi.AqiInput;
import org.qingshan.standards.aqi.AqiReportType;
import org.qingshan.standards.aqi.AqiResult;
import org.qingshan.standards.aqi.Iaqi;
import org.qingshan.standards.regime.AqiStandard;
import org.qingshan.standards.regime.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qingshan aqi [--standard HJ633-2012|HJ633-2026] [--hourly]}: AQI of each CSV row. Without
 * {@code --standard} the date of each row picks the standard in force on that day.
 */
public final class AqiCommand {
  static final String USAGE =
      "usage: qingshan aqi [--standard HJ633-2012|HJ633-2026] [--hourly] < input.csv\n"
          + "  input header:  time,so2,no2,pm10,co,o3,o3_8h,pm25"
          + " (µg/m³, CO mg/m³; empty cell = missing)\n"
          + "  daily rows: 24h means, o3 = daily max 1h, o3_8h = daily max 8h;"
          + " --hourly rows: 1h values (2012: pm10/pm25 = 24h sliding means)\n"
          + "  output header: time,aqi,category,level,primary,iaqi_so2,iaqi_no2,iaqi_pm10,"
          + "iaqi_co,iaqi_o3,iaqi_o3_8h,iaqi_pm25,standard";

  static final List<String> COLUMNS = List.of("so2", "no2", "pm10", "co", "o3", "o3_8h", "pm25");
  static final String OUTPUT_HEADER =
      "time,aqi,category,level,primary,iaqi_so2,iaqi_no2,iaqi_pm10,iaqi_co,iaqi_o3,iaqi_o3_8h,"
          + "iaqi_pm25,standard";

  private AqiCommand() {}

  /** The flags of {@code qingshan aqi}. */
  @Command(name = "aqi")
  static final class Options {
    @Option(names = "--standard")
    Optional<String> standard = Optional.empty();

    @Option(names = "--hourly")
    boolean hourly;

    @Option(names = {"-h", "--help"})
    boolean help;
  }

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Options options = new Options();
    Optional<String> problem = Flags.parse(options, args);
    if (problem.isPresent()) {
      return usage(err, problem.get());
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    Optional<AqiStandard> forced = Optional.empty();
    if (options.standard.isPresent()) {
      forced = AqiStandard.fromCode(options.standard.get());
      if (forced.isEmpty()) {
        return usage(
            err, "unknown standard " + options.standard.get() + " (HJ633-2012 or HJ633-2026)");
      }
    }
    boolean hourly = options.hourly;
    AqiReportType type = hourly ? AqiReportType.HOURLY : AqiReportType.DAILY;
    final Optional<AqiStandard> standard = forced;
    out.println(OUTPUT_HEADER);
    try {
      boolean ok =
          CsvTable.read(
              in,
              c -> c.equals("time") || COLUMNS.contains(c),
              concat("time", COLUMNS),
              err,
              row -> out.println(evaluate(row, type, standard)));
      return ok ? 0 : 1;
    } catch (RowError e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot read input: " + e.getMessage());
      return 1;
    }
  }

  private static String evaluate(CsvTable.Row row, AqiReportType type, Optional<AqiStandard> forced)
      throws RowError {
    String time = row.text("time");
    LocalDate date = row.date("time");
    AqiStandard standard = forced.orElseGet(() -> RuleSet.forDate(date).aqi());
    List<AqiIndicator> indicators = indicatorsFor(standard, type);
    AqiInput.Builder input = AqiInput.builder();
    for (int i = 0; i < COLUMNS.size(); i++) {
      Optional<BigDecimal> value = row.number(COLUMNS.get(i));
      if (indicators.get(i) != null) {
        input.put(indicators.get(i), value);
      }
    }
    AqiResult r = AqiCalculator.calculate(standard, type, input.build());
    List<String> cells = new ArrayList<>();
    cells.add(time);
    if (r.aqi().isPresent()) {
      cells.add(Integer.toString(r.aqi().getAsInt()));
      cells.add(r.category().orElseThrow().chineseName());
      cells.add(r.category().orElseThrow().levelName());
      cells.add(String.join(";", r.primaryPollutants().stream().map(AqiIndicator::label).toList()));
    } else {
      cells.addAll(List.of("NA", "NA", "NA", "NA"));
    }
    for (AqiIndicator indicator : indicators) {
      cells.add(
          indicator == null
              ? ""
              : r.iaqi(indicator).map(Iaqi::value).map(String::valueOf).orElse(""));
    }
    cells.add(standard.code());
    return Csv.join(cells);
  }

  /** Indicator read from each input column, or null where the report ignores the column. */
  static List<AqiIndicator> indicatorsFor(AqiStandard standard, AqiReportType type) {
    boolean y2012 = standard == AqiStandard.HJ633_2012;
    List<AqiIndicator> list = new ArrayList<>();
    if (type == AqiReportType.DAILY) {
      list.add(AqiIndicator.SO2_24H);
      list.add(AqiIndicator.NO2_24H);
      list.add(AqiIndicator.PM10_24H);
      list.add(AqiIndicator.CO_24H);
      list.add(y2012 ? AqiIndicator.O3_1H : null);
      list.add(AqiIndicator.O3_8H);
      list.add(AqiIndicator.PM25_24H);
    } else {
      list.add(AqiIndicator.SO2_1H);
      list.add(AqiIndicator.NO2_1H);
      list.add(y2012 ? AqiIndicator.PM10_24H : AqiIndicator.PM10_1H);
      list.add(AqiIndicator.CO_1H);
      list.add(AqiIndicator.O3_1H);
      list.add(y2012 ? AqiIndicator.O3_8H : null);
      list.add(y2012 ? AqiIndicator.PM25_24H : AqiIndicator.PM25_1H);
    }
    return list;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static int usage(PrintStream err, String message) {
    return Flags.usageError(err, "aqi", message, USAGE);
  }
}
