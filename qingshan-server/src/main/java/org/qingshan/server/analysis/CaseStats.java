package org.qingshan.server.analysis;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of 分析研判 over a set of cases, computed at a given moment: counts by a key, repeat
 * offenders, on-time closure rates, the points of the heat map. Pure arithmetic, so the rules can
 * be tested with any cases and any {@code now}.
 *
 * <p>On-time rate: of the cases handed to someone that have come due (closed, or still open past
 * their deadline), the share closed by the deadline. Open cases not yet due do not count either
 * way, and refused cases were never handled.
 */
public final class CaseStats {
  private final List<CaseFact> facts;
  private final OffsetDateTime now;

  public CaseStats(List<CaseFact> facts, OffsetDateTime now) {
    this.facts = List.copyOf(facts);
    this.now = now;
  }

  /** One line of a breakdown: how many cases, how many closed, how many open past the deadline. */
  public record Count(String key, String label, long total, long closed, long overdue) {}

  /** An enterprise with at least the threshold of cases in the period. */
  public record Offender(
      long enterpriseId, String name, long cases, long open, OffsetDateTime latest) {}

  /**
   * On-time closure of one assignee.
   *
   * @param due closed plus open past the deadline
   * @param rate closed on time / due, empty when nothing has come due
   */
  public record Rate(
      String key, String name, long assigned, long closed, long onTime, long overdue, long due) {
    public Optional<Double> rate() {
      return due == 0 ? Optional.empty() : Optional.of((double) onTime / due);
    }

    /** "87.5%", or "—" when nothing has come due. */
    public String percent() {
      return rate().map(r -> String.format("%.1f%%", r * 100)).orElse("—");
    }
  }

  /** A place on the heat map and how many cases it had. */
  public record Point(double lat, double lng, long weight, String label) {}

  public long total() {
    return facts.size();
  }

  public long closed() {
    return facts.stream().filter(CaseFact::closed).count();
  }

  public long overdue() {
    return facts.stream().filter(f -> f.overdueAt(now)).count();
  }

  public List<Count> by(Function<CaseFact, Optional<String>> key, String none) {
    Map<String, List<CaseFact>> groups = new LinkedHashMap<>();
    for (CaseFact f : facts) {
      groups.computeIfAbsent(key.apply(f).orElse(""), k -> new ArrayList<>()).add(f);
    }
    List<Count> counts = new ArrayList<>();
    groups.forEach((k, fs) -> counts.add(count(k, k.isEmpty() ? none : k, fs)));
    counts.sort(Comparator.comparingLong(Count::total).reversed().thenComparing(Count::label));
    return counts;
  }

  /** By month of registration, oldest first, every month of the period present. */
  public List<Count> byMonth(ZoneId zone, YearMonth from, YearMonth to) {
    Map<YearMonth, List<CaseFact>> groups = new TreeMap<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      groups.put(m, new ArrayList<>());
    }
    for (CaseFact f : facts) {
      groups
          .computeIfAbsent(
              YearMonth.from(f.createdAt().atZoneSameInstant(zone)), k -> new ArrayList<>())
          .add(f);
    }
    List<Count> counts = new ArrayList<>();
    groups.forEach((m, fs) -> counts.add(count(m.toString(), m.toString(), fs)));
    return counts;
  }

  /** Enterprises with at least {@code min} cases, most first. */
  public List<Offender> repeatOffenders(int min) {
    Map<Long, List<CaseFact>> byEnterprise = new LinkedHashMap<>();
    for (CaseFact f : facts) {
      f.enterpriseId()
          .ifPresent(id -> byEnterprise.computeIfAbsent(id, k -> new ArrayList<>()).add(f));
    }
    List<Offender> offenders = new ArrayList<>();
    byEnterprise.forEach(
        (id, fs) -> {
          if (fs.size() >= min) {
            offenders.add(
                new Offender(
                    id,
                    fs.get(0).enterpriseName().orElse(String.valueOf(id)),
                    fs.size(),
                    fs.stream().filter(f -> !f.status().finished()).count(),
                    fs.stream()
                        .map(CaseFact::createdAt)
                        .max(Comparator.naturalOrder())
                        .orElseThrow()));
          }
        });
    offenders.sort(
        Comparator.comparingLong(Offender::cases).reversed().thenComparing(Offender::name));
    return offenders;
  }

  /** On-time closure by the department the cases were handed to. */
  public List<Rate> byDepartment() {
    return rates(
        f -> f.departmentId().map(String::valueOf),
        f -> f.departmentName().orElse(f.departmentId().map(String::valueOf).orElse("")));
  }

  /** On-time closure by the grid member (user) the cases were handed to. */
  public List<Rate> byMember() {
    return rates(CaseFact::memberUser, f -> f.memberName().orElse(f.memberUser().orElse("")));
  }

  /** Cases per place (rounded to about 10 m), each place's weight its count. */
  public List<Point> points() {
    Map<String, List<CaseFact>> places = new LinkedHashMap<>();
    for (CaseFact f : facts) {
      if (f.lat().isPresent() && f.lng().isPresent()) {
        String k = String.format("%.4f,%.4f", f.lat().get(), f.lng().get());
        places.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
      }
    }
    List<Point> points = new ArrayList<>();
    places.forEach(
        (k, fs) -> {
          CaseFact first = fs.get(0);
          points.add(
              new Point(
                  first.lat().get(),
                  first.lng().get(),
                  fs.size(),
                  first.enterpriseName().or(first::town).orElse(first.title())));
        });
    points.sort(Comparator.comparingLong(Point::weight).reversed());
    return points;
  }

  private List<Rate> rates(
      Function<CaseFact, Optional<String>> key, Function<CaseFact, String> name) {
    Map<String, List<CaseFact>> groups = new LinkedHashMap<>();
    for (CaseFact f : facts) {
      key.apply(f).ifPresent(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()).add(f));
    }
    List<Rate> rates = new ArrayList<>();
    groups.forEach(
        (k, fs) -> {
          long closed = fs.stream().filter(CaseFact::closed).count();
          long onTime = fs.stream().filter(CaseFact::closedOnTime).count();
          long overdue = fs.stream().filter(f -> f.overdueAt(now)).count();
          rates.add(
              new Rate(
                  k, name.apply(fs.get(0)), fs.size(), closed, onTime, overdue, closed + overdue));
        });
    rates.sort(
        Comparator.comparing((Rate r) -> r.rate().orElse(-1.0))
            .reversed()
            .thenComparing(Rate::name));
    return rates;
  }

  private Count count(String key, String label, List<CaseFact> fs) {
    return new Count(
        key,
        label,
        fs.size(),
        fs.stream().filter(CaseFact::closed).count(),
        fs.stream().filter(f -> f.overdueAt(now)).count());
  }
}
