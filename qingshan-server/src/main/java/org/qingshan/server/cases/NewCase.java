package org.qingshan.server.cases;

import java.util.Optional;
import java.util.function.Consumer;
import org.qingshan.server.alarm.Severity;

/**
 * What opens a case: from an alarm, a public report, a patrol finding, an inspection or a
 * department. The deadline follows the type, source and severity unless given. Made with {@link
 * #of} and the {@code with…} steps, each a new value.
 */
public record NewCase(
    String title,
    CaseType type,
    CaseSource source,
    Severity severity,
    String description,
    Optional<Long> enterpriseId,
    Optional<String> place,
    Optional<Double> lat,
    Optional<Double> lng,
    Optional<Long> townId,
    Optional<Long> gridId,
    Optional<Long> alarmId) {

  /** A case of the given kind with nothing but a title and a description. */
  public static NewCase of(
      String title, CaseType type, CaseSource source, Severity severity, String description) {
    Parts p = new Parts();
    p.title = title;
    p.type = type;
    p.source = source;
    p.severity = severity;
    p.description = description;
    return p.build();
  }

  public NewCase withEnterprise(long id) {
    return with(p -> p.enterpriseId = Optional.of(id));
  }

  public NewCase withPlace(String place, Optional<Double> lat, Optional<Double> lng) {
    return with(
        p -> {
          p.place = Optional.of(place);
          p.lat = lat;
          p.lng = lng;
        });
  }

  public NewCase withTown(long townId) {
    return with(p -> p.townId = Optional.of(townId));
  }

  public NewCase withGrid(long gridId) {
    return with(p -> p.gridId = Optional.of(gridId));
  }

  public NewCase withAlarm(long alarmId) {
    return with(p -> p.alarmId = Optional.of(alarmId));
  }

  private NewCase with(Consumer<Parts> change) {
    Parts p = new Parts();
    p.title = title;
    p.type = type;
    p.source = source;
    p.severity = severity;
    p.description = description;
    p.enterpriseId = enterpriseId;
    p.place = place;
    p.lat = lat;
    p.lng = lng;
    p.townId = townId;
    p.gridId = gridId;
    p.alarmId = alarmId;
    change.accept(p);
    return p.build();
  }

  /** The parts of a case being made, each empty until set. */
  private static final class Parts {
    private String title;
    private CaseType type;
    private CaseSource source;
    private Severity severity;
    private String description;
    private Optional<Long> enterpriseId = Optional.empty();
    private Optional<String> place = Optional.empty();
    private Optional<Double> lat = Optional.empty();
    private Optional<Double> lng = Optional.empty();
    private Optional<Long> townId = Optional.empty();
    private Optional<Long> gridId = Optional.empty();
    private Optional<Long> alarmId = Optional.empty();

    private NewCase build() {
      return new NewCase(
          title,
          type,
          source,
          severity,
          description,
          enterpriseId,
          place,
          lat,
          lng,
          townId,
          gridId,
          alarmId);
    }
  }
}
