package org.qingshan.server.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of {@code serve} and {@code demo}, turned into Spring properties. Flags are passed as
 * command-line properties so that they win over the environment ({@code SERVER_PORT}, {@code
 * QINGSHAN_DB_URL}), which in turn wins over the packaged defaults.
 */
final class ServerOptions {
  private static final Map<String, String> FLAG_TO_PROPERTY =
      Map.of(
          "--port", "server.port",
          "--db-url", "qingshan.db.url",
          "--db-user", "qingshan.db.user",
          "--db-password", "qingshan.db.password",
          "--data-dir", "qingshan.data-dir",
          "--hj212-port", "qingshan.hj212.port");

  private final Map<String, String> properties;

  private ServerOptions(Map<String, String> properties) {
    this.properties = properties;
  }

  static ServerOptions parse(List<String> args) throws UsageException {
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      String property = FLAG_TO_PROPERTY.get(flag);
      if (property == null) {
        throw new UsageException("unknown option '" + arg + "'");
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option " + flag + " needs a value");
        }
        value = args.get(++i);
      }
      if ((flag.equals("--port") || flag.equals("--hj212-port")) && !isPort(value)) {
        throw new UsageException(
            flag + " must be a port number from 1 to 65535, not '" + value + "'");
      }
      if (flag.equals("--data-dir")) {
        // H2 refuses a path relative to an unknown directory; the log shows where data is.
        value = java.nio.file.Path.of(value).toAbsolutePath().normalize().toString();
      }
      properties.put(property, value);
    }
    return new ServerOptions(properties);
  }

  private static boolean isPort(String value) {
    if (!value.matches("\\d{1,5}")) {
      return false;
    }
    int port = Integer.parseInt(value);
    return port >= 1 && port <= 65535;
  }

  Optional<String> get(String property) {
    return Optional.ofNullable(properties.get(property));
  }

  /**
   * Spring Boot command-line arguments ({@code --name=value}) for these options over {@code
   * defaults}, each property once: Spring would join a repeated one with a comma.
   */
  String[] toSpringArgs(Map<String, String> defaults) {
    Map<String, String> merged = new LinkedHashMap<>(defaults);
    merged.putAll(properties);
    List<String> springArgs = new ArrayList<>();
    merged.forEach((k, v) -> springArgs.add("--" + k + "=" + v));
    return springArgs.toArray(String[]::new);
  }
}
