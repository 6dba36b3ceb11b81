package org.qingshan.plan.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.json.PlanJson;

/**
 * {@code ./qingshan plan import FILE [--json]}. Exit codes: 0 imported, 1 the file cannot be read
 * as a plan (reason on stderr), 2 usage error (one line plus usage on stderr). Never a stack trace.
 */
public final class PlanImportCommand {

  static final String USAGE =
      "用法: qingshan plan import FILE [--json]\n"
          + "  FILE    规划文本：.txt（UTF-8/GB18030）、.docx 或 .pdf\n"
          + "  --json  输出完整的 JSON（标题、指标、章节任务、责任单位、占位符、提示）";

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
    String file = null;
    boolean json = false;
    for (String arg : args) {
      if (arg.equals("--json")) {
        json = true;
      } else if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (arg.startsWith("-")) {
        return usage(err, "未知选项：" + arg);
      } else if (file != null) {
        return usage(err, "只能导入一个文件，多余的参数：" + arg);
      } else {
        file = arg;
      }
    }
    if (file == null) {
      return usage(err, "缺少要导入的文件");
    }
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

  private static int usage(PrintStream err, String problem) {
    err.println("错误：" + problem);
    err.println(USAGE);
    return 2;
  }
}
