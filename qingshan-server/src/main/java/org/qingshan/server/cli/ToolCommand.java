package org.qingshan.server.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** A command that runs without the server: reads stdin, writes stdout, returns the exit code. */
@FunctionalInterface
public interface ToolCommand {
  int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
