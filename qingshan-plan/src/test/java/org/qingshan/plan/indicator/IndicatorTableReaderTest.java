package org.qingshan.plan.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.document.SourceLine;

class IndicatorTableReaderTest {

  @Test
  void readsATwoRowHeaderWithUnitAndNumberColumns() {
    List<SourceLine> lines =
        rows(
            "序号\t指标名称\t单位\t基准值\t目标值\t属性",
            "\t\t\t2020年\t2025年\t",
            "一、大气环境\t\t\t\t\t",
            "1\t细颗粒物年均浓度\tμg/m³\t≤38\t≤35\t约束性",
            "2\t空气质量优良天数比率\t%\t78.6\t80以上\t约束性");
    IndicatorTable table = IndicatorTableReader.read(lines);
    assertThat(table.rows()).hasSize(2);
    IndicatorTarget pm = table.rows().get(0);
    assertThat(pm.no()).isEqualTo("1");
    assertThat(pm.category()).hasValue("大气环境");
    assertThat(pm.unit()).hasValue("μg/m³");
    assertThat(pm.baseline().flatMap(IndicatorValue::year)).hasValue(2020);
    assertThat(pm.target().flatMap(IndicatorValue::year)).hasValue(2025);
    assertThat(pm.target().map(IndicatorValue::written)).hasValue("≤35");
    assertThat(pm.targetKind()).isEqualTo(TargetKind.NUMERIC_LOWER_BETTER);
    assertThat(table.rows().get(1).targetKind()).isEqualTo(TargetKind.NUMERIC_HIGHER_BETTER);
  }

  @Test
  void readsPipeRowsWithAMergedTargetHeaderAndMarks() {
    List<SourceLine> lines = new ArrayList<>();
    for (String text :
        List.of(
            "| 序号 | 指标 | 规划目标 | | 性质 |",
            "|---|---|---|---|---|",
            "| | | 2020年 | 2025年 | |",
            "| | 一、水环境 | | | |",
            "| 1 | 地表水达到或好于Ⅲ类水体比例①（%） | 80 | 85（6个省控断面）* | 约束 |")) {
      lines.add(new SourceLine(lines.size() + 1, text, false));
    }
    IndicatorTable table = IndicatorTableReader.read(lines);
    assertThat(table.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.no()).isEqualTo("1");
              assertThat(row.category()).hasValue("水环境");
              assertThat(row.name()).isEqualTo("地表水达到或好于Ⅲ类水体比例");
              assertThat(row.unit()).hasValue("%");
              assertThat(row.flags()).containsExactly("①");
              assertThat(row.baseline().flatMap(IndicatorValue::year)).hasValue(2020);
              assertThat(row.target().map(IndicatorValue::written)).hasValue("85（6个省控断面）");
              assertThat(row.target().flatMap(IndicatorValue::footnote)).hasValue("*");
              assertThat(row.target().flatMap(IndicatorValue::year)).hasValue(2025);
              assertThat(row.attribute()).hasValue("约束性");
            });
  }

  private static List<SourceLine> rows(String... texts) {
    List<SourceLine> lines = new ArrayList<>();
    for (String text : texts) {
      lines.add(new SourceLine(lines.size() + 1, text, true));
    }
    return lines;
  }
}
