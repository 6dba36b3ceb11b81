package org.qingshan.plan.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.json.PlanJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./qingshan plan import FILE [--json]}. Exit codes: 0 imported, 1 the file cannot be read
 * as a plan (reason on stderr), 2 usage error (one line plus usage on stderr). Never a stack trace.
 */
public final class PlanImportCommand {

  static final String USAGE =
      "用法: qingshan plan import FILE [--json]\n"
          + "  FILE    规划文本：.txt（UTF-8/GB18030）、.docx 或 .pdf\n"
          + "  --json  输出完整的 JSON（标题、指标、章节任务、责任单位、占位符、提示）";

  /** The arguments picocli reads as flags (and the end of flags), exactly as typed. */
  private static final Set<String> FLAGS = Set.of("--json", "-h", "--help");

  /** An end-of-flags delimiter no command line can hold (arguments are C strings). */
  private static final String NO_DELIMITER = "\u0000";

  private PlanImportCommand() {}

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, DepartmentDirectory.none());
  }

  /**
   * Same as {@link #run(List, InputStream, PrintStream, PrintStream)} with the server's alias
   * table.
   */
  public static int run(
      List<String> args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      DepartmentDirectory directory) {
    // Chinese text goes out as UTF-8 whatever the platform charset is (LANG=C would print '?').
    PrintStream utf8Out = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream utf8Err = new PrintStream(err, true, StandardCharsets.UTF_8);
    try {
      return execute(args, utf8Out, utf8Err, directory);
    } finally {
      utf8Out.flush();
      utf8Err.flush();
    }
  }

  private static int execute(
      List<String> args, PrintStream out, PrintStream err, DepartmentDirectory directory) {
    // POI logs through the Log4j API; without a logging backend Log4j prints a status line to
    // stdout, which would break the JSON on stdout. The server's own logging backend is unaffected.
    if (System.getProperty("log4j2.statusLoggerLevel") == null) {
      System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }
    Flags flags = new Flags();
    try {
      // As the command always read them: no @file expansion (an argument is what was typed), no
      // "--" ending the flags (every argument starting with '-' is a flag), --json twice is --json.
      new CommandLine(flags)
          .setExpandAtFiles(false)
          .setEndOfOptionsDelimiter(NO_DELIMITER)
          .setOverwrittenOptionsAllowed(true)
          .parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.UnmatchedArgumentException e) {
      return usage(err, "未知选项：" + e.getUnmatched().get(0));
    } catch (CommandLine.ParameterException e) {
      // A known flag with a value attached (--json=yes) is no flag of this command either.
      return usage(
          err,
          args.stream()
              .filter(a -> a.startsWith("-") && !FLAGS.contains(a))
              .findFirst()
              .map(a -> "未知选项：" + a)
              .orElse(e.getMessage()));
    }
    if (flags.help) {
      out.println(USAGE);
      return 0;
    }
    for (int i = 0; i < flags.files.size(); i++) {
      String arg = flags.files.get(i);
      if (arg.startsWith("-")) {
        // picocli takes a lone "-" for a file; this command knows no standard input.
        return usage(err, "未知选项：" + arg);
      }
      if (i > 0) {
        return usage(err, "只能导入一个文件，多余的参数：" + arg);
      }
    }
    if (flags.files.isEmpty()) {
      return usage(err, "缺少要导入的文件");
    }
    String file = flags.files.get(0);
    boolean json = flags.json;
    Path path;
    try {
      path = Paths.get(file);
    } catch (RuntimeException e) {
      return usage(err, "文件路径无效：" + file);
    }
    try {
      Plan plan = new PlanImporter(directory).importFile(path);
      if (json) {
        out.println(PlanJson.write(plan));
      } else {
        PlanSummary.print(plan, out);
      }
      out.flush();
      return 0;
    } catch (PlanImportException e) {
      err.println("错误：" + e.getMessage());
      return 1;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      err.println("错误：导入失败（" + e.getClass().getSimpleName() + "），文件内容无法按规划解析：" + path);
      return 1;
    }
  }

  /** The arguments of {@code plan import}, read by picocli. */
  @Command(name = "import")
  static final class Flags {
    @Option(names = "--json", arity = "0")
    boolean json;

    @Option(
        names = {"-h", "--help"},
        arity = "0")
    boolean help;

    @Parameters(arity = "0..*")
    List<String> files = new ArrayList<>();
  }

  private static int usage(PrintStream err, String problem) {
    err.println("错误：" + problem);
    err.println(USAGE);
    return 2;
  }
}
