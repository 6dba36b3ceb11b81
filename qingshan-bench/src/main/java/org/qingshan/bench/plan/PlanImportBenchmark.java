package org.qingshan.bench.plan;

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
import org.qingshan.plan.json.PlanJson;

/**
 * Importing each shared plan from its bytes (decoding, structure, markers, indicator table,
 * targets, placeholders), and the same followed by the JSON of {@code plan import --json}. The heap
 * is capped at 64 MB, the target of the issue: a run that needed more would fail with
 * OutOfMemoryError. Scores are milliseconds per document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms64m", "-Xmx64m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlanImportBenchmark {

  @Param({"guanxian-2021-2025.txt", "dongchangfu-2021-2025.txt", "template-county-2018-2020.txt"})
  public String file;

  private final PlanImporter importer = new PlanImporter();
  private byte[] bytes;

  @Setup(Level.Trial)
  public void load() throws PlanImportException {
    bytes = SharedPlanFiles.read(file);
    if (importer.importBytes(file, bytes).tasks().isEmpty()) {
      throw new IllegalStateException("no tasks imported from " + file);
    }
  }

  @Benchmark
  public Plan importPlan() throws PlanImportException {
    return importer.importBytes(file, bytes);
  }

  @Benchmark
  public String importPlanAsJson() throws PlanImportException {
    return PlanJson.write(importer.importBytes(file, bytes));
  }
}
