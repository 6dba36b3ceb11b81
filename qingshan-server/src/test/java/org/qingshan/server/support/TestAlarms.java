package org.qingshan.server.support;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.qingshan.server.registry.CreditCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Enterprises, outlets, devices and alarms written straight to the tables, as the registry and the
 * alarm engine would, for the pages that show them. Names and codes are unique per call, since test
 * classes share one server.
 */
public final class TestAlarms {
  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
  private final JdbcClient jdbc;

  public TestAlarms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static String unique(String prefix) {
    return prefix + SEQ.incrementAndGet();
  }

  /** An enterprise with a location, town and industry; its credit code is not checked here. */
  public long enterprise(String name, String town, String industry) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    String first17 = String.format("91%015d", SEQ.incrementAndGet() % 1_000_000_000_000_000L);
    String code = first17 + CreditCode.checkCharacter(first17);
    jdbc.sql(
            "INSERT INTO enterprise (name, credit_code, industry_name, town, longitude, latitude,"
                + " created_at, updated_at) VALUES (:n, :c, :i, :t, 116.6, 35.5, :now, :now)")
        .param("n", name)
        .param("c", code)
        .param("i", industry)
        .param("t", town)
        .param("now", OffsetDateTime.now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** A device measuring a new outlet of the enterprise. */
  public long device(long enterpriseId, String mn) {
    GeneratedKeyHolder outlet = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO outlet (enterprise_id, code, name, kind, created_at, updated_at)"
                + " VALUES (:e, :c, :n, 'GAS', :now, :now)")
        .param("e", enterpriseId)
        .param("c", "DA" + (SEQ.incrementAndGet() % 1000))
        .param("n", "1号排口")
        .param("now", OffsetDateTime.now())
        .update(outlet, "id");
    GeneratedKeyHolder device = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO device (mn, password, st, name, kind, protocol, crc_dialect,"
                + " hour_data_expected, blocked, created_at, updated_at)"
                + " VALUES (:mn, 'pw', '31', :name, 'STACK_GAS', 'HJ_212_2017', 'STRICT', TRUE,"
                + " FALSE, :now, :now)")
        .param("mn", mn)
        .param("name", mn + " 烟气")
        .param("now", OffsetDateTime.now())
        .update(device, "id");
    long deviceId = device.getKey().longValue();
    jdbc.sql("INSERT INTO device_outlet (device_id, outlet_id) VALUES (:d, :o)")
        .param("d", deviceId)
        .param("o", outlet.getKey().longValue())
        .update();
    return deviceId;
  }

  /**
   * An open alarm on the device's SO₂ as the engine raises it (no enterprise id: found by join).
   */
  public long alarm(long deviceId, String severity, String type, String message) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    LocalDateTime started = LocalDateTime.now().withNano(0).minusHours(3);
    jdbc.sql(
            "INSERT INTO alarm (type, severity, status, device_id, factor, started_at,"
                + " last_seen_at, val, limit_value, message, raised_at)"
                + " VALUES (:type, :sev, 'OPEN', :d, 'a21026', :s, :l, 520.5, 200, :m, :now)")
        .param("type", type)
        .param("sev", severity)
        .param("d", deviceId)
        .param("s", Timestamp.valueOf(started))
        .param("l", Timestamp.valueOf(started.plusHours(2)))
        .param("m", message)
        .param("now", OffsetDateTime.now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Hour values of SO₂ around the alarm, for its chart. */
  public void hourData(long deviceId, double value) {
    LocalDateTime hour = LocalDateTime.now().withNano(0).withSecond(0).withMinute(0);
    for (int h = 6; h >= 0; h--) {
      jdbc.sql(
              "INSERT INTO observation (device_id, kind, factor, data_time, val)"
                  + " VALUES (:d, 'HOUR', 'a21026', :t, :v)")
          .param("d", deviceId)
          .param("t", Timestamp.valueOf(hour.minusHours(h)))
          .param("v", value + h)
          .update();
    }
  }

  public String status(long alarmId) {
    return jdbc.sql("SELECT status FROM alarm WHERE id = :id")
        .param("id", alarmId)
        .query(String.class)
        .single();
  }
}
