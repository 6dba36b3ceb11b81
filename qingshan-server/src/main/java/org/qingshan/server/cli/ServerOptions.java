package org.qingshan.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

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

  /**
   * The flags as picocli reads them: each takes one value, as {@code --flag v} or {@code --flag=v}.
   */
  private static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    FLAG_TO_PROPERTY
        .keySet()
        .forEach(f -> spec.addOption(OptionSpec.builder(f).arity("1").build()));
    return spec;
  }

  static ServerOptions parse(List<String> args) throws UsageException {
    ParseResult parsed;
    try {
      parsed =
          new CommandLine(spec()).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
    } catch (UnmatchedArgumentException e) {
      throw new UsageException("unknown option '" + e.getUnmatched().get(0) + "'");
    } catch (MissingParameterException e) {
      throw new UsageException("option " + flagOf(e.getMissing().get(0)) + " needs a value");
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage());
    }
    Map<String, String> properties = new LinkedHashMap<>();
    for (OptionSpec option : parsed.matchedOptions()) {
      String flag = option.longestName();
      String value = option.getValue();
      if ((flag.equals("--port") || flag.equals("--hj212-port")) && !isPort(value)) {
        throw new UsageException(
            flag + " must be a port number from 1 to 65535, not '" + value + "'");
      }
      if (flag.equals("--data-dir")) {
        // H2 refuses a path relative to an unknown directory; the log shows where data is.
        value = Path.of(value).toAbsolutePath().normalize().toString();
      }
      properties.put(FLAG_TO_PROPERTY.get(flag), value);
    }
    return new ServerOptions(properties);
  }

  private static String flagOf(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
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
