package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.PlanTooLargeException;

/**
 * Files built to exhaust the importer (issue 11) are refused at a limit with a message in the
 * planner's words, before they cost gigabytes of heap or minutes of a processor.
 */
class ImportLimitsTest {

  private static final String PLAN_START =
      "示范县生态环境保护规划\n一、深入打好蓝天保卫战\n1.加强扬尘管控。落实施工工地扬尘管控责任。（责任单位：县住房和城乡建设局）\n";

  /** The attack of issue 11: a 95 MB document part in an upload of about a megabyte. */
  @Test
  void aWordFileThatExpandsAHundredfoldIsRefusedWithoutInflatingIt() throws Exception {
    byte[] bomb = TestWordBomb.write(95L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(3 * 1024 * 1024);

    long allocatedBefore = allocatedByThisThread();
    assertThatThrownBy(() -> new PlanImporter().importBytes("plan.docx", bomb))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessageContaining("word/document.xml")
        .hasMessageContaining("压缩炸弹");
    long allocated = allocatedByThisThread() - allocatedBefore;
    if (allocatedBefore >= 0) {
      // POI would hold the 95 MB part and build an XML tree of it (5.8 GB of heap in issue 11).
      assertThat(allocated).as("bytes allocated while refusing").isLessThan(64L * 1024 * 1024);
    }
  }

  /** POI's own guard is process-wide: the reader only lowers it to ceilings, never raises it. */
  @Test
  void poisOwnGuardStaysBehindTheScanAtProcessWideCeilings() throws Exception {
    new PlanImporter().importBytes("p.docx", wordPlan(3, 0));
    assertThat(ZipSecureFile.getMaxEntrySize()).isLessThanOrEqualTo(256L * 1024 * 1024);
    assertThat(ZipSecureFile.getMaxFileCount()).isLessThanOrEqualTo(1_000);
    assertThat(ZipSecureFile.getMaxTextSize()).isLessThanOrEqualTo(10_000_000);
    assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.01);
  }

  @Test
  void aWordPartLargerThanTheLimitIsRefusedEvenWhenItCompressesModestly() throws Exception {
    byte[] docx = wordPlan(2_000, 0);
    ImportLimits limits = ImportLimits.defaults().withMaxPartBytes(64 * 1024);
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), limits).importBytes("p.docx", docx))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessageContaining("解压后超过 64 KB 的上限")
        .hasMessageContaining("word/document.xml");
  }

  @Test
  void aWordFileWithTooManyParagraphsIsRefused() throws Exception {
    byte[] docx = wordPlan(1_200, 0);
    ImportLimits limits = ImportLimits.defaults().withMaxParagraphs(1_000);
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), limits).importBytes("p.docx", docx))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("文件段落过多：超过 1000 段（行）的上限，不像是一份规划文本，已拒绝导入");
    assertThat(new PlanImporter().importBytes("p.docx", docx).tasks()).hasSize(1_199);
  }

  @Test
  void aWordFileWithTooManyTableCellsIsRefused() throws Exception {
    byte[] docx = wordPlan(3, 60);
    ImportLimits limits = ImportLimits.defaults().withMaxTableCells(500);
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), limits).importBytes("p.docx", docx))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("表格单元格过多：超过 500 个的上限，已拒绝导入");
  }

  @Test
  void aTextWithTooManyCharactersIsRefusedBeforeItIsSplit() {
    String text = PLAN_START + "很长的一行".repeat(500_000);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new PlanImporter().importBytes("plan.txt", bytes))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("文件文字过多：超过 2000000 个字符的上限，不像是一份规划文本，已拒绝导入");
  }

  /** The command line reads a file whole: one far beyond any plan is refused before it is read. */
  @Test
  void aFileFarBeyondTheLimitsIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.txt");
    Files.write(file, new byte[3 * 1024 * 1024]);
    ImportLimits limits =
        ImportLimits.defaults().withMaxCharacters(1_000).withMaxPackageBytes(2 * 1024 * 1024);
    assertThatThrownBy(() -> new PlanImporter(DepartmentDirectory.none(), limits).importFile(file))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("文件过大：3 MB，超过 2 MB 的上限，已拒绝导入");
  }

  @Test
  void anImportThatOutlastsItsTimeBudgetIsStopped() throws Exception {
    byte[] bytes = textPlan(200).getBytes(StandardCharsets.UTF_8);
    // Each look at the clock takes a second: the budget of a minute runs out within the import.
    ImportLimits slow =
        ImportLimits.defaults()
            .withMaxDuration(Duration.ofMinutes(1))
            .withClock(new SteppingClock());
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), slow).importBytes("p.txt", bytes))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessageStartingWith("导入超时：超过 60 秒仍未完成，已停止");

    ImportLimits still =
        ImportLimits.defaults()
            .withMaxDuration(Duration.ofMinutes(1))
            .withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    assertThat(
            new PlanImporter(DepartmentDirectory.none(), still).importBytes("p.txt", bytes).tasks())
        .hasSize(200);
  }

  @Test
  void aPdfWithTooManyPagesIsRefusedBeforeItsTextIsRead() throws Exception {
    List<List<String>> pages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pages.add(List.of("示范县生态环境保护规划", "第 " + (i + 1) + " 页的正文。"));
    }
    byte[] pdf = TestPdf.write(pages);
    ImportLimits limits = ImportLimits.defaults().withMaxPdfPages(10);
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), limits).importBytes("p.pdf", pdf))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("PDF 页数过多：共 12 页，超过 10 页的上限，不像是一份规划文本，已拒绝导入");
  }

  /** One page showing more text than a whole plan is stopped while the page is being read. */
  @Test
  void aPdfPageWithAbsurdTextIsStoppedWhileItIsRead() throws Exception {
    List<String> lines = new ArrayList<>(Collections.nCopies(400, "加强扬尘管控落实施工工地扬尘管控责任".repeat(5)));
    lines.add(0, "示范县生态环境保护规划");
    byte[] pdf = TestPdf.write(List.of(lines));
    ImportLimits limits = ImportLimits.defaults().withMaxCharacters(10_000);
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), limits).importBytes("p.pdf", pdf))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("文件文字过多：超过 10000 个字符的上限，不像是一份规划文本，已拒绝导入");
  }

  /** A page that draws without end (a deflated content stream of millions of strokes). */
  @Test
  void aPdfOfEndlessDrawingIsStoppedAtTheOperatorLimit() throws Exception {
    byte[] pdf;
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDStream content = new PDStream(document);
      try (OutputStream stream = content.createOutputStream(COSName.FLATE_DECODE)) {
        byte[] strokes = "0 0 m 1 1 l S\n".repeat(1_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 10; i++) {
          stream.write(strokes);
        }
      }
      page.setContents(content);
      document.save(out);
      pdf = out.toByteArray();
    }
    ImportLimits limits = ImportLimits.defaults().withMaxPdfOperators(20_000);
    assertThatThrownBy(
            () -> new PlanImporter(DepartmentDirectory.none(), limits).importBytes("p.pdf", pdf))
        .isInstanceOf(PlanTooLargeException.class)
        .hasMessage("PDF 内容过于复杂：绘制指令超过 20000 条的上限，不像是一份规划文本，已拒绝导入");
  }

  private static String textPlan(int tasks) {
    StringBuilder text = new StringBuilder(PLAN_START.substring(0, PLAN_START.indexOf("1.")));
    for (int i = 1; i <= tasks; i++) {
      text.append(i).append(".加强第").append(i).append("项管控。（责任单位：县住房和城乡建设局）\n");
    }
    return text.toString();
  }

  /**
   * A Word plan with {@code tasks} task paragraphs and a table of {@code rows} rows of ten cells.
   */
  private static byte[] wordPlan(int tasks, int rows) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("示范县生态环境保护规划");
      document.createParagraph().createRun().setText("一、深入打好蓝天保卫战");
      for (int i = 1; i < tasks; i++) {
        document.createParagraph().createRun().setText(i + ".加强第" + i + "项管控。（责任单位：县住房和城乡建设局）");
      }
      if (rows > 0) {
        XWPFTable table = document.createTable(rows, 10);
        table.getRow(0).getCell(0).setText("序号");
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  /** Bytes this thread has allocated so far, or -1 where the JVM does not count them. */
  private static long allocatedByThisThread() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled()) {
      return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }

  /** A clock a second later each time it is read. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }
  }
}
