package org.qingshan.plan.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Marker grammars beyond the shared plans' (issue 16): support as …参与, leads joined by 、 before 牵头
 * or by 牵头、, lead and 按职责分工负责 in one marker, 会同, lists joined by 、 inside one role, a list with one
 * odd or truncated name.
 */
class MarkerGrammarTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "（县水利局、县农业农村局参与）||县水利局,县农业农村局|",
        "（县生态环境分局牵头，县水利局、县农业农村局等部门参与）|县生态环境分局|县水利局,县农业农村局|",
        "（县发展和改革局、县生态环境分局牵头，县财政局配合）|县发展和改革局,县生态环境分局|县财政局|",
        "（县发展和改革局牵头、县工业和信息化局牵头，县财政局配合）|县发展和改革局,县工业和信息化局|县财政局|",
        "（县发展和改革局牵头、县工业和信息化局、县财政局配合）|县发展和改革局|县工业和信息化局,县财政局|",
        "（县生态环境分局牵头，县水利局、各镇、街道办事处按职责分工负责）|县生态环境分局|县水利局,各镇,街道办事处|",
        "（县住房和城乡建设局牵头并按职责分工负责，县城市管理局配合）|县住房和城乡建设局|县城市管理局|",
        "（县生态环境分局会同县水利局、县农业农村局负责）|县生态环境分局|县水利局,县农业农村局|",
        "（由县水利局会同县财政局落实）|县水利局|县财政局|",
        "（牵头单位：县生态环境分局会同县公安局；配合单位：县交通运输局）|县生态环境分局|县公安局,县交通运输局|",
        "（责任单位：各镇、街道办事处）|||各镇,街道办事处",
        "（责任单位：各镇（街道）、县水利局）|||各镇（街道）,县水利局",
        "（责任单位：县发展和改革局、县财、县水利局）|||县发展和改革局,县财,县水利局",
        "（县发展和改革局、县财、县水利局按职责分工负责）|||县发展和改革局,县财,县水利局",
        "（县农业农村局牵头，县财政局、县水利局参与）|县农业农村局|县财政局,县水利局|",
      })
  void readsEachGrammar(String text, String lead, String support, String responsible) {
    List<ResponsibilityMarker> markers = MarkerFinder.find("加强管理。" + text);
    assertThat(markers).hasSize(1);
    ResponsibilityMarker marker = markers.get(0);
    assertThat(marker.lead()).containsExactlyElementsOf(list(lead));
    assertThat(marker.support()).containsExactlyElementsOf(list(support));
    assertThat(marker.responsible()).containsExactlyElementsOf(list(responsible));
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
  }
}
