package org.qingshan.server.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.QingshanApplication;
import org.springframework.boot.SpringApplication;

/**
 * The entry point of {@code ./qingshan}. Server commands start Spring; the tool commands run
 * without it, so that a batch evaluation answers in a moment and prints nothing but its output.
 */
public final class QingshanMain {
  /** Returned by {@link #run} when a server was started and the process must stay up. */
  static final int KEEP_RUNNING = -1;

  private static final String LOOPBACK = "127.0.0.1";

  static final String USAGE =
      """
      usage: qingshan <command> [options]

      commands:
        demo                         start with a demo county and simulated devices (embedded database)
        serve                        start the server with the configured database
        plan import FILE [--json]    import a plan document (.txt, .docx, .pdf)
        aqi [--standard S] [--hourly]  AQI from CSV on stdin to CSV on stdout
        water [--lake]               water quality class from CSV on stdin to CSV on stdout
        hj212 check                  one verdict per HJ 212 packet on stdin, as JSON lines
        hj212 replay [FILE] [--host H] [--port N]  send kept raw packets to a centre again
        help                         this text

      options of demo and serve (or the environment variable):
        --port N           HTTP port (SERVER_PORT), default 8080
        --db-url URL       JDBC URL (QINGSHAN_DB_URL), default H2 under the data folder
        --db-user NAME     (QINGSHAN_DB_USER)
        --db-password PW   (QINGSHAN_DB_PASSWORD)
        --data-dir DIR     (QINGSHAN_DATA_DIR), default ./data, ./data/demo for demo
        --hj212-port N     HJ 212 gateway port (QINGSHAN_HJ212_PORT)
        --bind ADDRESS     address the pages and the gateway listen on; demo: 127.0.0.1
                           (this machine only), serve: every interface
      """;

  private final Map<String, ToolCommand> tools;

  QingshanMain(Map<String, ToolCommand> tools) {
    this.tools = tools;
  }

  public static void main(String[] args) {
    boolean server = args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"));
    if (!server && System.getProperty("logback.configurationFile") == null) {
      // Before any logger exists: a tool's stdout carries its result and nothing else.
      System.setProperty("logback.configurationFile", "logback-cli.xml");
    }
    int code =
        new QingshanMain(ToolCommands.all()).run(List.of(args), System.in, System.out, System.err);
    if (code != KEEP_RUNNING) {
      System.exit(code);
    }
  }

  int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.print(USAGE);
      return 2;
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      switch (command) {
        case "help", "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        case "serve" -> {
          return startServer(ServerOptions.parse(rest), false, err);
        }
        case "demo" -> {
          ServerOptions options = ServerOptions.parse(rest);
          // The demo makes up users with a published password and streams invented data: never
          // into a database that may hold real records.
          String url =
              options
                  .get("qingshan.db.url")
                  .or(() -> Optional.ofNullable(System.getenv("QINGSHAN_DB_URL")))
                  .orElse("jdbc:h2:");
          if (!url.startsWith("jdbc:h2:")) {
            throw new UsageException(
                "the demo runs on its own embedded database only; use 'serve' for " + url);
          }
          return startServer(options, true, err);
        }
        default -> {
          return runTool(command, rest, in, out, err);
        }
      }
    } catch (UsageException e) {
      err.println("qingshan " + command + ": " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
  }

  private int runTool(
      String command, List<String> rest, InputStream in, PrintStream out, PrintStream err)
      throws UsageException {
    // Two-word commands ("plan import", "hj212 check") are looked up by both words.
    if (!rest.isEmpty() && tools.containsKey(command + " " + rest.get(0))) {
      return tools
          .get(command + " " + rest.get(0))
          .run(List.copyOf(rest.subList(1, rest.size())), in, out, err);
    }
    ToolCommand tool = tools.get(command);
    if (tool == null) {
      boolean known = tools.keySet().stream().anyMatch(k -> k.startsWith(command + " "));
      throw new UsageException(
          known ? "missing or unknown sub-command" : "unknown command '" + command + "'");
    }
    return tool.run(List.copyOf(rest), in, out, err);
  }

  private static int startServer(ServerOptions options, boolean demo, PrintStream err) {
    try {
      SpringApplication.run(QingshanApplication.class, options.toSpringArgs(mode(options, demo)));
      return KEEP_RUNNING;
    } catch (RuntimeException e) {
      // The full trace is in the log file; the console gets the reason in one line.
      err.println("qingshan: could not start: " + rootMessage(e));
      return 1;
    }
  }

  /**
   * What the command sets before its flags. The demo shares one printed password among its users,
   * so it listens on this machine only unless {@code --bind} opens it.
   */
  static Map<String, String> mode(ServerOptions options, boolean demo) {
    Map<String, String> mode = new LinkedHashMap<>();
    mode.put("qingshan.demo", Boolean.toString(demo));
    mode.put("qingshan.data-dir", dataDir(options, demo).toString());
    if (demo) {
      mode.put(ServerOptions.HTTP_ADDRESS, LOOPBACK);
      mode.put(ServerOptions.GATEWAY_ADDRESS, LOOPBACK);
    }
    return mode;
  }

  /**
   * The data folder as an absolute path: H2 refuses paths relative to an unknown directory, and an
   * absolute path in the log tells an operator exactly where the data is.
   */
  private static Path dataDir(ServerOptions options, boolean demo) {
    String dir =
        options
            .get("qingshan.data-dir")
            .or(() -> Optional.ofNullable(System.getenv("QINGSHAN_DATA_DIR")))
            .orElse(demo ? "data/demo" : "data");
    return Path.of(dir).toAbsolutePath().normalize();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
