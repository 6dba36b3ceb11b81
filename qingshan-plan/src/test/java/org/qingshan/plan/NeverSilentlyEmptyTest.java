package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.document.TextCleaner;

/**
 * A table heading with no row read warns and sets {@code indicatorTableMissing}; an odd unit name
 * is kept and flagged; conversion leftovers are written as a reader writes them.
 */
class NeverSilentlyEmptyTest {

  private static Plan importText(String text) throws Exception {
    return new PlanImporter().importBytes("plan.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTableHeadingWithoutReadableRowsWarns() throws Exception {
    Plan plan =
        importText(
            """
            某县生态环境保护规划（2021—2025年）
            一、规划目标
            到2025年，生态环境质量持续改善。
            表1 某县“十四五”生态环境保护主要指标
            细颗粒物浓度下降到35微克每立方米，空气质量优良天数比率达到85%以上
            二、主要任务
            1.加强扬尘管控。落实施工工地扬尘管控责任。（县住房和城乡建设局负责）
            """);
    assertThat(plan.indicators()).isEmpty();
    assertThat(plan.indicatorTableMissing()).isTrue();
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w.message()).contains("指标表缺失", "主要指标"));
  }

  @Test
  void aHeaderWithoutRowsWarns() throws Exception {
    Plan plan =
        importText(
            """
            某县生态环境保护规划（2021—2025年）
            一、规划目标
            主要指标
            指标\t2020年\t2025年\t属性
            到2025年，生态环境质量持续改善，各项指标达到市下达的目标。
            二、主要任务
            1.加强扬尘管控。落实施工工地扬尘管控责任。（县住房和城乡建设局负责）
            """);
    assertThat(plan.indicatorTableMissing()).isTrue();
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w.message()).contains("指标表缺失"));
  }

  @Test
  void aPlanWithoutATableHeadingMissesNothing() throws Exception {
    Plan plan =
        importText(
            """
            某县大气污染防治攻坚行动方案
            一、主要任务
            1.加强扬尘管控。落实施工工地扬尘管控责任，完善考核指标体系。（县住房和城乡建设局负责）
            """);
    assertThat(plan.indicatorTableMissing()).isFalse();
    assertThat(plan.warnings()).noneMatch(w -> w.message().contains("指标表"));
  }

  @Test
  void anOddNameIsKeptAndFlaggedAndAGluedFragmentGoes() throws Exception {
    Plan plan =
        importText(
            """
            某县生态环境保护规划（2021—2025年）
            一、主要任务
            1.加强餐饮油烟治理。推动安装油烟净化设施。（县城管局、县商、县市场监督管理局按职责分工负责）
            2.加强区域联防联控。健全联合执法机制。（责任单位：县生态环境分局、县市场监督管理局市场、县公安局）
            """);
    assertThat(plan.tasks()).hasSize(2);
    assertThat(plan.tasks().get(0).responsible()).containsExactly("县城管局", "县商", "县市场监督管理局");
    assertThat(plan.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("不像完整的机构名称", "县商"));
    assertThat(plan.tasks().get(1).responsible()).containsExactly("县生态环境分局", "县市场监督管理局", "县公安局");
    assertThat(plan.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("县市场监督管理局市场", "末尾"));
  }

  @Test
  void leftoversOfSubAndSuperscriptsAreWrittenAsAReaderDoes() {
    assertThat(TextCleaner.clean("细颗粒物 (PM _{2.5}) 浓度 (μg/m ³)"))
        .isEqualTo("细颗粒物 (PM2.5) 浓度 (μg/m³)");
    assertThat(TextCleaner.clean("SO_{2}、NO _{x}排放，m^{3}，km ²")).isEqualTo("SO2、NOx排放，m³，km²");
    assertThat(TextCleaner.clean("累计值[4.08]")).isEqualTo("累计值[4.08]");
  }
}
