package org.qingshan.standards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaterCommandTest {

  @Test
  void classAndItemsOverThree() {
    // worst class first, then larger multiple; equal multiples keep the GB 3838 item order
    String in =
        "section,time,pH,DO,NH3N,TP,COD\n"
            + "万善桥,2026-05-01,7.2,6.5,1.3,0.15,18\n"
            + "东湖,2026-05-01,7.2,8,0.1,0.08,10\n"
            + "北闸,2026-05-01,9.5,1.5,2.5,0.5,45\n";
    CommandRunner r = CommandRunner.run(WaterCommand::run, in);
    assertThat(r.exit()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "section,time,class,over_items",
            "万善桥,2026-05-01,IV,NH3N:0.30",
            "东湖,2026-05-01,II,",
            "北闸,2026-05-01,劣V,NH3N:1.50;TP:1.50;COD:1.25;pH;DO");
  }

  @Test
  void lakeOptionUsesLakePhosphorus() {
    String in = "section,time,TP\n东湖,2026-05,0.08\n";
    assertThat(CommandRunner.run(WaterCommand::run, in).outLines().get(1))
        .isEqualTo("东湖,2026-05,II,");
    assertThat(CommandRunner.run(WaterCommand::run, in, "--lake").outLines().get(1))
        .isEqualTo("东湖,2026-05,IV,TP:0.60");
  }

  @Test
  void badRowsAreReportedAndOthersComputed() {
    String in =
        "section,time,NH3N,TN\n"
            + "a,2026-05-01,x,\n"
            + "b,2026-05-01,0.4,\n"
            + "c,2026-05-01,,0.3\n";
    CommandRunner r = CommandRunner.run(WaterCommand::run, in);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly("section,time,class,over_items", "b,2026-05-01,II,");
    assertThat(r.errLines())
        .satisfiesExactly(
            l -> assertThat(l).startsWith("line 2: field NH3N"),
            l -> assertThat(l).startsWith("line 4: field items"));
  }

  @Test
  void belowDetectionLimitCountsAsHalfOfIt() {
    // Hg 0.00008L → 0.00004 ≤ 0.00005 → I; Hg 0.00008 → III; NH3N <2.5 → 1.25 → IV
    String in =
        "section,time,Hg,NH3N\n"
            + "a,2026-05,0.00008L,0.1\n"
            + "b,2026-05,0.00008,0.1\n"
            + "c,2026-05,,<2.5\n";
    assertThat(CommandRunner.run(WaterCommand::run, in).outLines())
        .containsExactly(
            "section,time,class,over_items",
            "a,2026-05,I,",
            "b,2026-05,III,",
            "c,2026-05,IV,NH3N:0.25");
  }

  @Test
  void unknownColumnAndUsage() {
    CommandRunner r = CommandRunner.run(WaterCommand::run, "section,time,BOD\n");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("field BOD");
    CommandRunner u = CommandRunner.run(WaterCommand::run, "", "--river");
    assertThat(u.exit()).isEqualTo(2);
    assertThat(u.err()).contains("usage: qingshan water");
  }
}
