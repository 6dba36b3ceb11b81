package org.qingshan.server.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.qingshan.hj212.cli.Hj212CheckCommand;
import org.qingshan.hj212.cli.Hj212ReplayCommand;
import org.qingshan.plan.cli.PlanImportCommand;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.standards.cli.AqiCommand;
import org.qingshan.standards.cli.WaterCommand;

/** The commands that run without the server, by the words that name them on the command line. */
final class ToolCommands {
  private ToolCommands() {}

  /** Plan import with the alias table of the configured database, when there is one. */
  static int planImport(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    DepartmentDirectory directory =
        AliasTableDirectory.fromEnvironment(System.getenv())
            .map(d -> (DepartmentDirectory) d)
            .orElse(DepartmentDirectory.none());
    return PlanImportCommand.run(args, in, out, err, directory);
  }

  static Map<String, ToolCommand> all() {
    return Map.of(
        "plan import", ToolCommands::planImport,
        "aqi", AqiCommand::run,
        "water", WaterCommand::run,
        "hj212 check", Hj212CheckCommand::run,
        "hj212 replay", Hj212ReplayCommand::run);
  }
}
