package org.qingshan.plan.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.common.PlanPeriod;
import org.qingshan.plan.document.SourceLine;

class PlanHeaderTest {

  @Test
  void readsANoticeWithChineseNumeralDate() {
    List<SourceLine> lines =
        lines(
            "某市人民政府办公室文件",
            "某政办发〔2021〕第12号",
            "某市人民政府办公室",
            "二〇二一年十二月三十一日",
            "某市“十四五”生态环境保护规划",
            "一、发展基础");
    PlanHeader header = PlanHeader.read(lines, DocumentLayout.locate(lines));
    assertThat(header.title()).isEqualTo("某市“十四五”生态环境保护规划");
    assertThat(header.issuer()).hasValue("某市人民政府办公室");
    assertThat(header.documentNumber()).hasValue("某政办发〔2021〕第12号");
    assertThat(header.date()).hasValue(LocalDate.of(2021, 12, 31));
    assertThat(header.period()).hasValue(new PlanPeriod(2021, 2025));
  }

  @Test
  void periodFromTheFiveYearPlanOrExplicitYears() {
    assertThat(PlanHeader.period("某县“十三五”环境保护规划")).hasValue(new PlanPeriod(2016, 2020));
    assertThat(PlanHeader.period("某县生态环境保护规划（2021-2035年）")).hasValue(new PlanPeriod(2021, 2035));
    assertThat(PlanHeader.period("关于打好污染防治攻坚战的实施方案")).isEmpty();
  }

  @Test
  void yearsOnTheirOwnLineOrStatedInTheBody() {
    List<SourceLine> own = lines("某县生态环境保护规划", "（2021—2035年）", "一、规划背景", "全县生态环境持续改善。");
    PlanHeader withYears = PlanHeader.read(own, DocumentLayout.locate(own));
    assertThat(withYears.title()).isEqualTo("某县生态环境保护规划（2021—2035年）");
    assertThat(withYears.period()).hasValue(new PlanPeriod(2021, 2035));
    List<SourceLine> stated = lines("某县生态环境保护规划", "一、总则", "规划基准年为2020年，规划期限为2021-2025年，展望到2035年。");
    assertThat(PlanHeader.read(stated, DocumentLayout.locate(stated)).period())
        .hasValue(new PlanPeriod(2021, 2025));
  }

  private static List<SourceLine> lines(String... texts) {
    List<SourceLine> lines = new ArrayList<>();
    for (String text : texts) {
      lines.add(new SourceLine(lines.size() + 1, text, false));
    }
    return lines;
  }
}
