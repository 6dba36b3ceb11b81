package org.qingshan.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
  /** Where the pages listen; the gateway listens on the same address. */
  static final String HTTP_ADDRESS = "server.address";

  static final String GATEWAY_ADDRESS = "qingshan.hj212.host";

  /** A host name or an IPv4/IPv6 literal: nothing that could smuggle a second property in. */
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]%]{1,255}");

  private static final Map<String, List<String>> FLAG_TO_PROPERTIES =
      Map.of(
          "--port", List.of("server.port"),
          "--db-url", List.of("qingshan.db.url"),
          "--db-user", List.of("qingshan.db.user"),
          "--db-password", List.of("qingshan.db.password"),
          "--data-dir", List.of("qingshan.data-dir"),
          "--hj212-port", List.of("qingshan.hj212.port"),
          "--bind", List.of(HTTP_ADDRESS, GATEWAY_ADDRESS));

  private final Map<String, String> properties;

  private ServerOptions(Map<String, String> properties) {
    this.properties = properties;
  }

  /**
   * The flags as picocli reads them: each takes one value, as {@code --flag v} or {@code --flag=v}.
   */
  private static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    FLAG_TO_PROPERTIES
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
      if (flag.equals("--bind") && !ADDRESS.matcher(value).matches()) {
        throw new UsageException(
            "--bind must be an address such as 127.0.0.1 or 0.0.0.0, not '" + value + "'");
      }
      for (String property : FLAG_TO_PROPERTIES.get(flag)) {
        properties.put(property, value);
      }
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
