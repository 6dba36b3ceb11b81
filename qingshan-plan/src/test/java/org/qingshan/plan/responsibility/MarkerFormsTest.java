package org.qingshan.plan.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The marker forms of reference/plans.md, each read into lead / support / responsible. */
class MarkerFormsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "（牵头单位：县发展和改革局；配合单位：县财政局、县水利局按职责分工负责）|县发展和改革局|县财政局,县水利局|",
        "（责任单位：县住房和城乡建设局、县水利局）|||县住房和城乡建设局,县水利局",
        "（县农业农村局牵头，县财政局、县水利局配合）|县农业农村局|县财政局,县水利局|",
        "（县农业农村局牵头、县财政局配合）|县农业农村局|县财政局|",
        "（县农业农村局牵头）|县农业农村局||",
        "（县发展改革局、县工业和信息化局等按职责分工负责）|||县发展改革局,县工业和信息化局",
        "（县发展改革局、县工业和信息化局按照职责分工负责）|||县发展改革局,县工业和信息化局",
        "（县发展改革局、县工业和信息化局按各自分工负责）|||县发展改革局,县工业和信息化局",
        "（县发展改革局、县工业和信息化局负责）|||县发展改革局,县工业和信息化局",
        "（县农业农村局牵头，县财政局、县水利局按职责分工负责）|县农业农村局|县财政局,县水利局|",
        "（县农业农村局牵头，县财政局、县水利局参与）|县农业农村局|县财政局,县水利局|",
        "（县公安局）|||县公安局",
        "(牵头单位:区发展和改革局,区科学技术局;配合单位:市生态环境局东昌府区分局)|区发展和改革局,区科学技术局|市生态环境局东昌府区分局|",
        "（牵头单位：县发展和改革局。配合单位：县财政局按职责分工负责）|县发展和改革局|县财政局|",
        "（牵头单位：县发展和改革局，配合单位：县财政局）|县发展和改革局|县财政局|",
        "（责任单位：县发改局 县财政局）|||县发改局,县财政局",
        "（县生态环境局为牵头单位，县水利局、县农业农村局为配合单位）|县生态环境局|县水利局,县农业农村局|",
        "（责任单位：冠县 发展和改革局、县财政局）|||冠县发展和改革局,县财政局",
        "（主办单位：县发展和改革局；协办单位：县财政局）|县发展和改革局|县财政局|",
        "（县发展改革局、县财政局按各自职责负责）|||县发展改革局,县财政局",
        "(责任单位：县生态环境分局；县自然资源局按职责分工负责)|||县生态环境分局,县自然资源局",
        "（责任单位：开发区管（工）委、各镇（街道）政府（办事处））|||开发区管（工）委,各镇（街道）政府（办事处）",
        "（责任单位：县农业农村局、属地镇、街道办事处按职责分工负责）|||县农业农村局,属地镇,街道办事处",
        "（责任单位：县水利局县生态环境局、县综合行政执法局相关河湖管理单位）|||县水利局,县生态环境局,县综合行政执法局,相关河湖管理单位",
        "（责任单位：聊城市生态环境局冠县分局、国家税务总局冠县税务局）|||聊城市生态环境局冠县分局,国家税务总局冠县税务局",
      })
  void readsEachForm(String text, String lead, String support, String responsible) {
    List<ResponsibilityMarker> markers = MarkerFinder.find("加强管理。" + text);
    assertThat(markers).hasSize(1);
    ResponsibilityMarker marker = markers.get(0);
    assertThat(marker.lead()).containsExactlyElementsOf(list(lead));
    assertThat(marker.support()).containsExactlyElementsOf(list(support));
    assertThat(marker.responsible()).containsExactlyElementsOf(list(responsible));
  }

  @Test
  void labelBrokenByAPageBreakAndMissingBracketsStillRead() {
    List<ResponsibilityMarker> open = MarkerFinder.find("依法追究。责任单位：县生态环境分局；县自然资源局按职责分工负责）");
    assertThat(open).singleElement().satisfies(m -> assertThat(m.responsible()).hasSize(2));
    List<ResponsibilityMarker> unclosed = MarkerFinder.find("加强管理。（牵头单位：县水利局；配合单位：县财政局");
    assertThat(unclosed)
        .singleElement()
        .satisfies(m -> assertThat(m.support()).containsExactly("县财政局"));
  }

  @Test
  void ordinaryParentheticalsAreNotMarkers() {
    String text =
        "推行《公民生态环境行为规范（试行）》，新（改、扩）建项目，颗粒物（PM10)、泄漏检测（LDAR)，"
            + "按照《通知》（鲁政办字〔2021〕81号)执行，县纪委（监委）、组织部门督促，各镇（街道）人民政府组织。";
    assertThat(MarkerFinder.find(text)).isEmpty();
  }

  @Test
  void standingRuleIsRecordedApartFromTheUnits() {
    ResponsibilityMarker marker =
        MarkerFinder.find(
                "优化布局。（牵头单位：县自然资源局；配合单位：县发展和改革局按职责分工负责；" + "各镇（街道）人民政府负责落实。以下均需各镇（街道）人民政府落实，不再列出）")
            .get(0);
    assertThat(marker.lead()).containsExactly("县自然资源局");
    assertThat(marker.support()).containsExactly("县发展和改革局", "各镇（街道）人民政府");
    assertThat(marker.standingRule()).hasValue("以下均需各镇（街道）人民政府落实，不再列出");
    assertThat(marker.standingUnits()).containsExactly("各镇（街道）人民政府");
  }

  @Test
  void aBareNameInsideASentenceDoesNotCloseTheTask() {
    String text = "停止土石方作业（特殊项目除外）（住建局）。严查渣土车（城管局）。";
    List<ResponsibilityMarker> markers = MarkerFinder.find(text);
    assertThat(markers).extracting(ResponsibilityMarker::raw).containsExactly("（住建局）", "（城管局）");
    assertThat(markers).noneMatch(m -> MarkerFinder.closesText(text, m));
  }

  @Test
  void aStandaloneStandingRuleIsARuleNotAnOwner() {
    List<ResponsibilityMarker> markers = MarkerFinder.find("（以下各项任务均需各镇（街道）落实，不再一一列出）");
    assertThat(markers)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.assignsNothing()).isTrue();
              assertThat(m.standingRule()).hasValue("以下各项任务均需各镇（街道）落实，不再一一列出");
              assertThat(m.standingUnits()).containsExactly("各镇（街道）");
            });
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
  }
}
