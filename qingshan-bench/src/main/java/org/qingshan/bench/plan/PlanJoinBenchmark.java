package org.qingshan.bench.plan;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;
import org.qingshan.plan.common.PlanImportException;

/**
 * Importing a plan text whose lines never end a sentence, so that every line is joined to one
 * growing paragraph (issue 11: 2k / 4k / 8k / 16k lines took 1.7 / 4.5 / 16.8 / 65.7 s, quadratic).
 * Linear joining keeps the time proportional to the lines; {@link #importTaskPerLine} does the same
 * for a block of one-line tasks. Scores are milliseconds per import.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanJoinBenchmark {

  @Param({"2000", "4000", "8000", "16000"})
  public int lines;

  private final PlanImporter importer = new PlanImporter();
  private byte[] bytes;
  private byte[] taskLines;

  @Setup(Level.Trial)
  public void write() {
    bytes = unendedLines(lines).getBytes(StandardCharsets.UTF_8);
    taskLines = taskPerLine(lines).getBytes(StandardCharsets.UTF_8);
  }

  /** A title, a heading and {@code count} lines none of which ends a sentence. */
  static String unendedLines(int count) {
    StringBuilder text = new StringBuilder("示范县生态环境保护规划\n一、深入打好蓝天保卫战\n");
    for (int i = 1; i <= count; i++) {
      text.append("加强施工扬尘管控落实施工工地扬尘管控责任全面推行绿色施工第").append(i).append("行\n");
    }
    return text.toString();
  }

  /**
   * A title, a heading and {@code count} tasks of one line each with their unit, all in one block:
   * splitting once asked, for each paragraph, whether a later one has a marker by a fresh scan.
   */
  static String taskPerLine(int count) {
    StringBuilder text = new StringBuilder("示范县生态环境保护规划\n一、深入打好蓝天保卫战\n");
    for (int i = 1; i <= count; i++) {
      text.append("推进第").append(i).append("项治理（责任单位：县住建局）\n");
    }
    return text.toString();
  }

  @Benchmark
  public Plan importTaskPerLine() throws PlanImportException {
    return importer.importBytes("tasks.txt", taskLines);
  }

  @Benchmark
  public Plan importUnendedLines() throws PlanImportException {
    return importer.importBytes("unended.txt", bytes);
  }
}
