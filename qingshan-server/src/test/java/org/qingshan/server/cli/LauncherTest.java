package org.qingshan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./qingshan} launcher's JVM options, seen by a stand-in {@code java} on the PATH that
 * prints what it was given.
 */
class LauncherTest {
  @TempDir Path dir;

  @Test
  void serveAndDemoHaveAHeapLimitAndZgcByDefault() throws Exception {
    assertThat(run("serve", null)).contains("-Xmx2g", "-XX:+UseZGC", "-jar");
    assertThat(run("demo", null)).contains("-Xmx2g", "-XX:+UseZGC");
    // Tools keep the JVM's own defaults.
    assertThat(run("aqi", null)).doesNotContain("-Xmx2g").contains("-jar");
  }

  @Test
  void qingshanJavaOptsReplacesTheDefault() throws Exception {
    assertThat(run("serve", "-Xmx6g")).contains("-Xmx6g").doesNotContain("-Xmx2g", "UseZGC");
    assertThat(run("serve", "")).doesNotContain("-Xmx", "UseZGC");
  }

  /** What the launcher passes to java for {@code command}, with QINGSHAN_JAVA_OPTS if not null. */
  private String run(String command, String javaOpts) throws IOException, InterruptedException {
    Path launcher = Path.of("..", "qingshan");
    Assumptions.assumeTrue(Files.exists(launcher), "launcher absent; skipped");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash; skipped");
    // A copy beside a jar and no sources, so the launcher does not build.
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("qingshan-server/target"));
    Files.copy(launcher, root.resolve("qingshan"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(root.resolve("qingshan-server/target/qingshan.jar"), "");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/bash\necho \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    ProcessBuilder pb =
        new ProcessBuilder("/bin/bash", root.resolve("qingshan").toString(), command)
            .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.remove("QINGSHAN_JAVA_OPTS");
    if (javaOpts != null) {
      env.put("QINGSHAN_JAVA_OPTS", javaOpts);
    }
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
