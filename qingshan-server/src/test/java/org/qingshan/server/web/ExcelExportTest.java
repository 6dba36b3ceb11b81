package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExcelExportTest {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  void theFileCarriesTheCountysDateNotTheServersUtcDate() {
    // 2026-12-03 17:30 UTC is already 2026-12-04 01:30 in Beijing.
    Clock utcEvening = Clock.fixed(Instant.parse("2026-12-03T17:30:00Z"), ZoneOffset.UTC);
    ExcelExport export = new ExcelExport(new TimeFormat(CHINA, utcEvening));
    assertThat(export.fileName("审计日志")).isEqualTo("审计日志-2026-12-04.xlsx");
  }

  @Test
  void charactersAFileSystemRefusesAreReplaced() {
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T04:00:00Z"), ZoneOffset.UTC);
    ExcelExport export = new ExcelExport(new TimeFormat(CHINA, clock));
    assertThat(export.fileName("a/b:c")).isEqualTo("a_b_c-2026-06-01.xlsx");
  }
}
