package org.qingshan.standards.warning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of heavy-pollution warning thresholds (one province's plan, one version). The thresholds
 * are configuration, not code: plans change every few years and the current Shandong plan
 * (鲁政办字〔2024〕119号) could not be read, so the built-in tables are the known earlier ones and a
 * bureau administrator supplies the current table in the same text form:
 *
 * <pre>
 * [shandong-2024]
 * name = 山东省重污染天气应急预案（2024）
 * source = 鲁政办字〔2024〕119号
 * verified = true
 * effective = 2024-09-14
 * yellow = AQI&gt;150 for 48h and AQI&gt;200
 * orange = AQI&gt;150 for 72h and AQI&gt;200 for 24h
 * red = AQI&gt;200 for 72h and AQI&gt;300 for 24h | AQI&gt;499 for 24h
 * </pre>
 */
public record WarningThresholds(
    String id,
    String name,
    String source,
    boolean verified,
    Optional<LocalDate> effectiveFrom,
    List<WarningRule> rules) {

  private static final String RESOURCE = "/org/qingshan/standards/warning/thresholds.txt";
  private static final Pattern CRITERION =
      Pattern.compile("AQI\\s*>\\s*(\\d+)(?:\\s+for\\s+(\\d+)\\s*h)?", Pattern.CASE_INSENSITIVE);

  public WarningThresholds {
    rules = List.copyOf(rules);
  }

  /** The tables shipped with Qingshan, default first. */
  public static List<WarningThresholds> builtIn() {
    try (InputStream in = WarningThresholds.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default table: the latest known Shandong thresholds (unverified, see its source). */
  public static WarningThresholds defaultTable() {
    return builtIn().get(0);
  }

  /**
   * Parses one or more tables from text (e.g. what an administrator saved).
   *
   * @throws IllegalArgumentException naming the line of the first error
   */
  public static List<WarningThresholds> parse(String text) {
    List<WarningThresholds> tables = new ArrayList<>();
    String[] lines = text.split("\\R");
    Draft draft = null;
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "line " + (n + 1) + ": ";
      if (line.startsWith("[") && line.endsWith("]")) {
        if (draft != null) {
          tables.add(draft.build(where));
        }
        draft = new Draft(line.substring(1, line.length() - 1).strip());
        continue;
      }
      int eq = line.indexOf('=');
      if (draft == null || eq < 0) {
        throw new IllegalArgumentException(where + "expected [table-id] or key = value");
      }
      String key = line.substring(0, eq).strip().toLowerCase();
      String value = line.substring(eq + 1).strip();
      switch (key) {
        case "name" -> draft.name = value;
        case "source" -> draft.source = value;
        case "verified" -> draft.verified = Boolean.parseBoolean(value);
        case "effective" -> {
          try {
            draft.effective = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "effective must be a date like 2024-09-14");
          }
        }
        default -> {
          WarningLevel level =
              WarningLevel.fromCode(key)
                  .orElseThrow(() -> new IllegalArgumentException(where + "unknown key " + key));
          if (draft.rules.containsKey(level)) {
            throw new IllegalArgumentException(where + level.code() + " given twice");
          }
          draft.rules.put(level, new WarningRule(level, conditions(value, where)));
        }
      }
    }
    if (draft != null) {
      tables.add(draft.build("end: "));
    }
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("no [table] in text");
    }
    return tables;
  }

  private static List<List<WarningCriterion>> conditions(String value, String where) {
    List<List<WarningCriterion>> anyOf = new ArrayList<>();
    for (String alternative : value.split("\\|")) {
      List<WarningCriterion> all = new ArrayList<>();
      for (String part : alternative.split("(?i)\\s+and\\s+")) {
        Matcher m = CRITERION.matcher(part.strip());
        if (!m.matches()) {
          throw new IllegalArgumentException(
              where + "'" + part.strip() + "' is not like AQI>200 for 48h");
        }
        int hours = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        all.add(new WarningCriterion(Integer.parseInt(m.group(1)), Duration.ofHours(hours)));
      }
      anyOf.add(all);
    }
    return anyOf;
  }

  /** The table in the text form {@link #parse} reads. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append('[').append(id).append("]\n");
    b.append("name = ").append(name).append('\n');
    b.append("source = ").append(source).append('\n');
    b.append("verified = ").append(verified).append('\n');
    effectiveFrom.ifPresent(d -> b.append("effective = ").append(d).append('\n'));
    for (WarningRule r : rules) {
      b.append(r.level().code()).append(" = ").append(r.toText()).append('\n');
    }
    return b.toString();
  }

  public Optional<WarningRule> rule(WarningLevel level) {
    return rules.stream().filter(r -> r.level() == level).findFirst();
  }

  private static final class Draft {
    private final String id;
    private String name = "";
    private String source = "";
    private boolean verified;
    private LocalDate effective;
    private final Map<WarningLevel, WarningRule> rules = new EnumMap<>(WarningLevel.class);

    Draft(String id) {
      this.id = id;
    }

    WarningThresholds build(String where) {
      if (id.isEmpty() || rules.isEmpty()) {
        throw new IllegalArgumentException(where + "table [" + id + "] has no id or no levels");
      }
      return new WarningThresholds(
          id,
          name,
          source,
          verified,
          Optional.ofNullable(effective),
          new ArrayList<>(rules.values()));
    }
  }
}
