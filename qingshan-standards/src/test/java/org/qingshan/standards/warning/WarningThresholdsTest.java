package org.qingshan.standards.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningThresholdsTest {

  @Test
  void builtInTablesLoadAndTheDefaultIsTheLatestShandongOne() {
    List<WarningThresholds> tables = WarningThresholds.builtIn();
    assertThat(tables)
        .extracting(WarningThresholds::id)
        .containsExactly("shandong-2022-draft", "mee-2018-template", "shandong-2013");
    WarningThresholds d = WarningThresholds.defaultTable();
    assertThat(d.verified()).isFalse();
    assertThat(d.rule(WarningLevel.RED).orElseThrow().toText())
        .isEqualTo("AQI>200 for 72h and AQI>300 for 24h");
  }

  @Test
  void shandong2022DraftLevels() {
    WarningThresholds t = WarningThresholds.defaultTable();
    // daily forecast: 160, 210 → AQI>150 for 48h and a value > 200 → yellow
    assertThat(WarningEvaluator.level(t, AqiForecast.daily(List.of(160, 210, 90))))
        .contains(WarningLevel.YELLOW);
    // 160, 190 → no value above 200 → none
    assertThat(WarningEvaluator.level(t, AqiForecast.daily(List.of(160, 190, 90)))).isEmpty();
    // three days above 150 and one above 200 → orange
    assertThat(WarningEvaluator.level(t, AqiForecast.daily(List.of(160, 210, 170))))
        .contains(WarningLevel.ORANGE);
    // three days above 200 and one above 300 → red
    assertThat(WarningEvaluator.level(t, AqiForecast.daily(List.of(210, 310, 220))))
        .contains(WarningLevel.RED);
  }

  @Test
  void hourlyRollingSeriesCountsHours() {
    WarningThresholds t = WarningThresholds.defaultTable();
    // 47 hours above 150 with a peak above 200: not yet 48 h
    List<Integer> hours = new ArrayList<>(Collections.nCopies(47, 180));
    hours.set(10, 210);
    AqiForecast f = new AqiForecast(hours, Duration.ofHours(1));
    assertThat(WarningEvaluator.level(t, f)).isEmpty();
    hours.add(160);
    assertThat(WarningEvaluator.level(t, new AqiForecast(hours, Duration.ofHours(1))))
        .contains(WarningLevel.YELLOW);
  }

  @Test
  void alternativeConditions() {
    WarningThresholds mee =
        WarningThresholds.builtIn().stream()
            .filter(x -> x.id().equals("mee-2018-template"))
            .findFirst()
            .orElseThrow();
    // a single day at 500 reaches red through the second alternative
    assertThat(WarningEvaluator.level(mee, AqiForecast.daily(List.of(100, 500))))
        .contains(WarningLevel.RED);
  }

  @Test
  void administratorSuppliesAChangedTable() {
    String text =
        "[shandong-2024]\n"
            + "name = 山东省重污染天气应急预案\n"
            + "source = 鲁政办字〔2024〕119号\n"
            + "verified = true\n"
            + "effective = 2024-09-14\n"
            + "orange = AQI>200 for 72h\n"
            + "yellow = AQI>200 for 48h\n";
    WarningThresholds t = WarningThresholds.parse(text).get(0);
    assertThat(t.effectiveFrom()).contains(LocalDate.of(2024, 9, 14));
    assertThat(WarningEvaluator.level(t, AqiForecast.daily(List.of(210, 220))))
        .contains(WarningLevel.YELLOW);
    assertThat(WarningThresholds.parse(t.toText()).get(0)).isEqualTo(t);
  }

  @Test
  void badTablesNameTheLine() {
    assertThatThrownBy(() -> WarningThresholds.parse("[x]\nyellow = PM>200\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 2:");
    assertThatThrownBy(() -> WarningThresholds.parse("[x]\npurple = AQI>200\n"))
        .hasMessageContaining("unknown key purple");
    assertThatThrownBy(() -> WarningThresholds.parse("# nothing\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
