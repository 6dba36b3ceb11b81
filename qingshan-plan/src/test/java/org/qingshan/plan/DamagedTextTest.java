package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.common.PlanImportException;

/**
 * Damaged text (lost characters, stray brackets, tabs and labels, cut passages) must give a plan or
 * a clear {@link PlanImportException}, never another exception. Fixed seed: failures reproduce.
 */
class DamagedTextTest {

  @Test
  void damagedPlansNeverThrowAnythingButAPlanImportException() throws Exception {
    List<String> names =
        List.of(
            "guanxian-2021-2025.txt", "dongchangfu-2021-2025.txt", "template-county-2018-2020.txt");
    Random random = new Random(20261122L);
    PlanImporter importer = new PlanImporter();
    for (int round = 0; round < 60; round++) {
      String name = names.get(round % names.size());
      StringBuilder text =
          new StringBuilder(Files.readString(SharedPlans.plan(name), StandardCharsets.UTF_8));
      int edits = 1 + random.nextInt(60);
      for (int e = 0; e < edits && text.length() > 1; e++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(6)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, "（");
          case 2 -> text.insert(at, "）\n\n");
          case 3 -> text.insert(at, "\t");
          case 4 -> text.delete(at, Math.min(text.length(), at + random.nextInt(500)));
          default -> text.insert(at, "牵头单位：");
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      assertThatCode(
              () -> {
                try {
                  importer.importBytes(name, bytes);
                } catch (PlanImportException clearError) {
                  // A clear refusal is an acceptable outcome for damaged input.
                }
              })
          .as("round %d on %s", round, name)
          .doesNotThrowAnyException();
    }
  }
}
