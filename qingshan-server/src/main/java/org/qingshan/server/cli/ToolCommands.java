package org.qingshan.server.cli;

import java.util.Map;
import org.qingshan.hj212.cli.Hj212CheckCommand;
import org.qingshan.plan.cli.PlanImportCommand;
import org.qingshan.standards.cli.AqiCommand;
import org.qingshan.standards.cli.WaterCommand;

/** The commands that run without the server, by the words that name them on the command line. */
final class ToolCommands {
  private ToolCommands() {}

  static Map<String, ToolCommand> all() {
    return Map.of(
        "plan import", PlanImportCommand::run,
        "aqi", AqiCommand::run,
        "water", WaterCommand::run,
        "hj212 check", Hj212CheckCommand::run);
  }
}
