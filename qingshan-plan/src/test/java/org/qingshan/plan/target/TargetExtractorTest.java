package org.qingshan.plan.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetExtractorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2025年底前，城区机扫率达95%以上。, 2025-12-31",
    "到2023年，清洁化比例达到100%。, 2023-12-31",
    "2022年年底前，完成应急预案修编。, 2022-12-31",
    "至2022年年底，完成排查。, 2022-12-31",
    "2024年6月底前，完成改造。, 2024-06-30",
    "“十三五”期间，能耗下降XX%。, 2020-12-31",
  })
  void readsDeadlines(String sentence, String deadline) {
    assertThat(TargetExtractor.extract(sentence))
        .singleElement()
        .satisfies(t -> assertThat(t.deadline()).hasValue(LocalDate.parse(deadline)));
  }

  @Test
  void aYearOfComparisonOrATypoIsNoDeadline() {
    assertThat(TargetExtractor.extract("较2015年削减1453吨。"))
        .allSatisfy(t -> assertThat(t.deadline()).isEmpty());
    assertThat(TargetExtractor.extract("22020年底前，圆满完成目标任务。")).isEmpty();
  }

  @Test
  void readsMetricValueUnitAndHedges() {
    DatedTarget target = TargetExtractor.extract("2025年底前，城区机扫率达95%以上。").get(0);
    assertThat(target.metric()).hasValue("城区机扫率");
    assertThat(target.value()).hasValue(new BigDecimal("95"));
    assertThat(target.unit()).hasValue("%");
    assertThat(target.comparator()).hasValue("≥");
    assertThat(TargetExtractor.extract("到2025年，力争增加值年均增长10%左右。").get(0).comparator())
        .hasValue("力争≈");
    assertThat(TargetExtractor.extract("PM2.5浓度控制在35μg/m³以下。").get(0).comparator()).hasValue("≤");
    assertThat(TargetExtractor.extract("出水浓度不得高于10mg/L。").get(0).comparator()).hasValue("≤");
    assertThat(TargetExtractor.extract("原则上不低于80%。").get(0).comparator()).hasValue("原则上≥");
  }

  @Test
  void readsRecurringDutiesAndPlaceholderValues() {
    List<DatedTarget> targets = TargetExtractor.extract("每季度向社会公开治理进展情况。5至9月开展专项检查。");
    assertThat(targets).extracting(t -> t.recurring().orElse("")).containsExactly("每季度", "5至9月");
    DatedTarget placeholder = TargetExtractor.extract("2020年底，工业用水重复利用率达到XX%及以上。").get(0);
    assertThat(placeholder.value()).isEmpty();
    assertThat(placeholder.comparator()).hasValue("≥");
    assertThat(placeholder.metric()).hasValue("工业用水重复利用率");
  }
}
