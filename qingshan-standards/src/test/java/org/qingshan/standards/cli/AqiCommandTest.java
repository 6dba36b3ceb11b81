package org.qingshan.standards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AqiCommandTest {
  private static final String HEADER = "time,so2,no2,pm10,co,o3,o3_8h,pm25\n";

  @Test
  void dateOfEachRowPicksTheStandard() {
    // O3_8h 50 → 25. PM2.5 70, others low: 2012 → 94 良 (50+50·35/40); 2026 → 110 轻度污染
    // (100+50·10/55).
    String in = HEADER + "2026-02-28,5,10,20,0.4,60,50,70\n" + "2026-03-01,5,10,20,0.4,60,50,70\n";

    CommandRunner r = CommandRunner.run(AqiCommand::run, in);

    assertThat(r.exit()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            AqiCommand.OUTPUT_HEADER,
            "2026-02-28,94,良,二级,PM2.5,5,13,20,10,19,25,94,HJ633-2012",
            "2026-03-01,110,轻度污染,三级,PM2.5,5,13,20,10,,25,110,HJ633-2026");
  }

  @Test
  void forcedStandardOverridesTheDate() {
    String in = HEADER + "2026-03-01,5,10,20,0.4,60,50,70\n";
    CommandRunner r = CommandRunner.run(AqiCommand::run, in, "--standard", "HJ633-2012");
    assertThat(r.outLines().get(1)).startsWith("2026-03-01,94,良,").endsWith(",HJ633-2012");
  }

  @Test
  void hourlyReportIn2026IgnoresTheEightHourColumnAndUsesDailyPmBreakpoints() {
    String in = HEADER + "2026-05-01 14:00,5,10,120,0.4,100,300,60\n";
    CommandRunner r = CommandRunner.run(AqiCommand::run, in, "--hourly");
    assertThat(r.exit()).isZero();
    assertThat(r.outLines().get(1))
        .isEqualTo("2026-05-01 14:00,100,良,二级,PM10;PM2.5,2,5,100,4,32,,100,HJ633-2026");
  }

  @Test
  void missingPollutantIn2026PrintsNaAndKeepsTheSubIndices() {
    // PM2.5 40 → 50 + 50·5/25 = 60; PM10 missing and AQI ≤ 100 → NA (HJ 633—2026 §5.3.1).
    String in = HEADER + "2026-05-01,5,10,,0.4,,50,40\n";
    CommandRunner r = CommandRunner.run(AqiCommand::run, in);
    assertThat(r.exit()).isZero();
    assertThat(r.outLines().get(1)).isEqualTo("2026-05-01,NA,NA,NA,NA,5,13,,10,,25,60,HJ633-2026");
  }

  @Test
  void badRowsAreReportedAndTheOthersStillComputed() {
    String in =
        HEADER
            + "2026-05-01,5,10,20,0.4,60,50,abc\n"
            + "2026-05-02,5,10,20,0.4,60,50,10\n"
            + "2026-13-01,5,10,20,0.4,60,50,10\n"
            + "2026-05-03,5,-1,20,0.4,60,50,10\n"
            + "2026-05-04,5,10\n";
    CommandRunner r = CommandRunner.run(AqiCommand::run, in);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(1)).startsWith("2026-05-02,");
    assertThat(r.errLines())
        .hasSize(4)
        .satisfiesExactly(
            l -> assertThat(l).startsWith("line 2: field pm25"),
            l -> assertThat(l).startsWith("line 4: field time"),
            l -> assertThat(l).startsWith("line 5: field no2"),
            l -> assertThat(l).startsWith("line 6:"));
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void headerProblemsAreBadInput() {
    assertThat(CommandRunner.run(AqiCommand::run, "").exit()).isEqualTo(1);
    CommandRunner missing = CommandRunner.run(AqiCommand::run, "time,so2\n");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("field no2");
  }

  @Test
  void usageErrorsExitTwoWithTheUsage() {
    CommandRunner unknown = CommandRunner.run(AqiCommand::run, HEADER, "--daily");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines().get(0)).contains("--daily");
    assertThat(unknown.err()).contains("usage: qingshan aqi");

    assertThat(CommandRunner.run(AqiCommand::run, HEADER, "--standard", "HJ633-2019").exit())
        .isEqualTo(2);
    assertThat(CommandRunner.run(AqiCommand::run, HEADER, "--standard").exit()).isEqualTo(2);
  }

  @Test
  void hourlyReportIn2012UsesSlidingMeansAndTheOzoneEightHourColumn() {
    // SO2 1h 900 > 800 without a 24h value: no SO2 IAQI, the others are still published (2012).
    // PM2.5 24h sliding 120 → 150 + 50·5/35 = 157.1 → 158; O3 8h 210 → 100 + 50·50/55 = 145.5 → 146
    String in = HEADER + "\"2025-12-01 08:00\",900,40,180,1.2,30,210,120\n";
    CommandRunner r = CommandRunner.run(AqiCommand::run, in, "--hourly");
    assertThat(r.exit()).isZero();
    assertThat(r.outLines().get(1))
        .isEqualTo("2025-12-01 08:00,158,中度污染,四级,PM2.5,,20,115,12,10,146,158,HJ633-2012");
  }

  @Test
  void helpGoesToStdout() {
    CommandRunner r = CommandRunner.run(AqiCommand::run, "", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("usage: qingshan aqi");
  }

  @Test
  void columnsMayComeInAnyOrderAfterAByteOrderMark() {
    String in = "\uFEFFpm25,time,so2,no2,pm10,co,o3,o3_8h\n70,2026-03-01,5,10,20,0.4,60,50\n";
    CommandRunner r = CommandRunner.run(AqiCommand::run, in);
    assertThat(r.exit()).isZero();
    assertThat(r.outLines().get(1)).startsWith("2026-03-01,110,轻度污染,");
  }
}
