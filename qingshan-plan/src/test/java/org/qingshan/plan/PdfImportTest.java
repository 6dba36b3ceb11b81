package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.task.Task;

/**
 * A small PDF built in code with PDFBox. Lines are layout lines, so a paragraph wraps over two
 * lines and must be joined again. Chinese text needs a CJK font with TrueType outlines on the
 * machine.
 */
class PdfImportTest {

  @Test
  void importsTheTextLayerOfAPdf() throws Exception {
    byte[] pdf = pdfPlan();
    Plan plan = new PlanImporter().importBytes("plan.pdf", pdf);
    assertThat(plan.title()).isEqualTo("样例县生态环境保护规划");
    List<Task> tasks = plan.tasks();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).title()).hasValue("加强施工扬尘管控");
    assertThat(tasks.get(0).text()).isEqualTo("严格落实施工工地扬尘管控责任，全面推行绿色施工。");
    assertThat(tasks.get(0).responsible()).containsExactly("县住房和城乡建设局", "县交通运输局");
    assertThat(tasks.get(1).title()).hasValue("推进工业炉窑治理");
    assertThat(tasks.get(1).text()).isEqualTo("开展工业炉窑综合治理。");
    assertThat(tasks.get(1).lead()).containsExactly("县生态环境分局");
  }

  /** Two pages; the second task is cut by the page break and its page number. */
  private static final String[][] PAGES = {
    {
      "样例县生态环境保护规划",
      "一、深入打好蓝天保卫战",
      "1.加强施工扬尘管控。严格落实施工工地扬尘管控责任，全面推",
      "行绿色施工。（责任单位：县住房和城乡建设局、县交通运输局）",
      "2.推进工业炉窑治理。开展工业炉窑综合治理。（牵头单位：县生态",
      "— 1 —"
    },
    {"环境分局）"},
  };

  /**
   * Writes the lines with a CID font (Identity-H) and a ToUnicode map, as Chinese government PDFs
   * do. The font program is not embedded: only the text layer matters to the importer, and the test
   * then needs no CJK font on the machine.
   */
  private static byte[] pdfPlan() throws Exception {
    List<List<String>> pages = new ArrayList<>();
    for (String[] page : PAGES) {
      pages.add(List.of(page));
    }
    return TestPdf.write(pages);
  }
}
