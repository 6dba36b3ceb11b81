package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from observation and received_packet to device. Every stored value paid a
 * lookup in device for them (a third of the ingest time in the gateway benchmark), while devices
 * are never deleted, only blocked, so the key protected nothing. A Java migration because the two
 * databases name unnamed constraints differently.
 */
public class V5__Drop_foreign_keys_of_ingest_tables extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (String table : List.of("observation", "received_packet")) {
      for (String key : foreignKeys(connection, table)) {
        try (Statement s = connection.createStatement()) {
          s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + key.replace("\"", "") + "\"");
        }
      }
    }
  }

  private static List<String> foreignKeys(Connection connection, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        connection.getMetaData().getImportedKeys(null, connection.getSchema(), table)) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        if (name != null && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
