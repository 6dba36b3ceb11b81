package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.qingshan.plan.common.PlanPeriod;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.indicator.TargetKind;
import org.qingshan.plan.task.Task;

/** A small Word plan built in code, with a real Word table as its indicator table. */
class WordRoundTripTest {

  @Test
  void importsParagraphsAndARealWordTable() throws Exception {
    byte[] docx = wordPlan();
    Plan plan = new PlanImporter().importBytes("plan.docx", docx);

    assertThat(plan.title()).isEqualTo("示范县“十四五”生态环境保护规划");
    assertThat(plan.period()).hasValue(new PlanPeriod(2021, 2025));
    List<IndicatorTarget> rows = plan.indicators();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).no()).isEqualTo("1");
    assertThat(rows.get(0).name()).isEqualTo("细颗粒物（PM2.5）浓度");
    assertThat(rows.get(0).unit()).hasValue("μg/m³");
    assertThat(rows.get(0).category()).hasValue("环境治理");
    assertThat(rows.get(0).attribute()).hasValue("约束性");
    assertThat(rows.get(0).targetKind()).isEqualTo(TargetKind.NUMERIC_LOWER_BETTER);
    assertThat(rows.get(1).flags()).containsExactly("*");
    assertThat(rows.get(1).targetKind()).isEqualTo(TargetKind.NUMERIC_HIGHER_BETTER);
    assertThat(rows.get(2).category()).hasValue("应对气候变化");
    assertThat(rows.get(2).targetKind()).isEqualTo(TargetKind.ASSIGNED);

    List<Task> tasks = plan.tasks();
    assertThat(tasks).hasSize(3);
    assertThat(tasks.get(0).title()).hasValue("深化工业污染治理");
    assertThat(tasks.get(0).lead()).containsExactly("县生态环境分局");
    assertThat(tasks.get(0).support()).containsExactly("县工业和信息化局", "县发展和改革局");
    assertThat(tasks.get(1).title()).hasValue("加强扬尘管控");
    assertThat(tasks.get(1).responsible()).containsExactly("县住房和城乡建设局", "县城市管理局");
    assertThat(tasks.get(2).title()).hasValue("严格秸秆禁烧");
    assertThat(tasks.get(2).lead()).containsExactly("县农业农村局");
    // Table rows are not tasks or headings.
    assertThat(plan.sections()).hasSize(3);
    assertThat(plan.sections().get(1).taskCount()).isZero();
  }

  private static byte[] wordPlan() throws Exception {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraph(document, "示范县“十四五”生态环境保护规划");
      paragraph(document, "一、发展基础");
      paragraph(document, "“十三五”期间，全县生态环境质量明显改善。");
      paragraph(document, "二、主要目标");
      paragraph(document, "示范县“十四五”生态环境保护主要指标");
      XWPFTable table = document.createTable(5, 4);
      row(table.getRow(0), "指标", "2020年", "2025年", "指标属性");
      row(table.getRow(1), "（一）环境治理", "", "", "");
      row(table.getRow(2), "1. 细颗粒物（PM2.5）浓度（μg/m³）", "40", "35", "约束性");
      row(table.getRow(3), "2. 空气质量优良天数比率（%）*", "80%", "85%", "约束性");
      row(table.getRow(4), "（二）应对气候变化", "", "", "");
      XWPFTableRow last = table.createRow();
      row(last, "3. 单位地区生产总值二氧化碳排放降低（%）", "—", "完成市下达任务", "约束性");
      paragraph(document, "注：带*的指标统计口径有调整。");
      paragraph(document, "三、深入打好蓝天保卫战");
      paragraph(document, "（一）强化工业源治理");
      paragraph(
          document,
          "1.深化工业污染治理。推进重点行业超低排放改造，2025年底前完成全部改造。" + "（牵头单位：县生态环境分局；配合单位：县工业和信息化局、县发展和改革局按职责分工负责）");
      paragraph(document, "2.加强扬尘管控。严格落实施工工地扬尘管控责任。");
      paragraph(document, "（责任单位：县住房和城乡建设局、县城市管理局）");
      paragraph(document, "3.严格秸秆禁烧。强化网格化监管。（县农业农村局牵头）");
      document.write(out);
      return out.toByteArray();
    }
  }

  private static void paragraph(XWPFDocument document, String text) {
    document.createParagraph().createRun().setText(text);
  }

  private static void row(XWPFTableRow row, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      row.getCell(i).setText(cells[i]);
    }
  }

  @Test
  void recountsHeadingsNumberedByWord() throws Exception {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
      definition.setAbstractNumId(BigInteger.ZERO);
      level(definition, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
      level(definition, 1, STNumberFormat.CHINESE_COUNTING, "（%2）");
      level(definition, 2, STNumberFormat.DECIMAL, "%3.");
      XWPFNumbering numbering = document.createNumbering();
      BigInteger numId =
          numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition)));
      paragraph(document, "示范区“十四五”生态环境保护规划");
      numbered(document, numId, 0, "发展基础");
      paragraph(document, "生态环境质量明显改善。");
      numbered(document, numId, 0, "主要任务");
      numbered(document, numId, 1, "深化大气污染防治");
      numbered(document, numId, 2, "推进超低排放改造。完成钢铁行业改造。（责任单位：区生态环境分局）");
      numbered(document, numId, 2, "加强扬尘管控。严格工地管理。（区住房和城乡建设局牵头）");
      numbered(document, numId, 1, "强化水污染防治");
      numbered(document, numId, 2, "整治入河排污口。（牵头单位：区水利局）");
      document.write(out);
      docx = out.toByteArray();
    }
    Plan plan = new PlanImporter().importBytes("numbered.docx", docx);
    assertThat(plan.sections()).extracting(s -> s.number().orElse("")).containsExactly("一", "二");
    assertThat(plan.sections().get(1).sections())
        .extracting(s -> s.number().orElse("") + s.heading())
        .containsExactly("（一）深化大气污染防治", "（二）强化水污染防治");
    assertThat(plan.tasks())
        .extracting(t -> t.title().orElse(""))
        .containsExactly("推进超低排放改造", "加强扬尘管控", "整治入河排污口");
    assertThat(plan.tasks().get(2).lead()).containsExactly("区水利局");
  }

  @Test
  void readsABoxFramedAsAOneCellWordTable() throws Exception {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraph(document, "示范县“十四五”生态环境保护规划");
      paragraph(document, "一、发展基础");
      paragraph(document, "生态环境质量明显改善。");
      paragraph(document, "二、主要任务");
      paragraph(document, "1.推进工业炉窑治理。完成燃煤炉窑替代。（牵头单位：县生态环境分局）");
      XWPFTable box = document.createTable(1, 1);
      XWPFTableCell cell = box.getRow(0).getCell(0);
      cell.getParagraphs().get(0).createRun().setText("专栏1  大气污染防治重点工程");
      cell.addParagraph().createRun().setText("1.县热电厂超低排放改造工程：脱硝提标，总投资2亿元。");
      cell.addParagraph().createRun().setText("2.城区扬尘在线监测项目。");
      paragraph(document, "2.加强扬尘管控。严格工地管理。（责任单位：县住房和城乡建设局）");
      document.write(out);
      docx = out.toByteArray();
    }
    Plan plan = new PlanImporter().importBytes("box.docx", docx);
    assertThat(plan.keyProjects())
        .extracting(p -> p.name())
        .containsExactly("县热电厂超低排放改造工程", "城区扬尘在线监测项目");
    assertThat(plan.keyProjects().get(0).investment()).hasValue(new BigDecimal("20000"));
    assertThat(plan.tasks())
        .extracting(t -> t.title().orElse(""))
        .containsExactly("推进工业炉窑治理", "加强扬尘管控");
  }

  @Test
  void readsATaskDivisionTable() throws Exception {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraph(document, "示范县“十四五”生态环境保护规划");
      paragraph(document, "一、发展基础");
      paragraph(document, "生态环境质量明显改善。");
      paragraph(document, "附件");
      paragraph(document, "示范县“十四五”生态环境保护规划重点任务分工表");
      XWPFTable table = document.createTable(4, 5);
      row(table.getRow(0), "序号", "重点任务", "牵头单位", "责任单位", "完成时限");
      row(table.getRow(1), "一", "大气污染防治", "", "", "");
      row(table.getRow(2), "1", "推进钢铁行业超低排放改造", "县生态环境分局", "县工业和信息化局、县发展和改革局等", "2025年底前");
      row(table.getRow(3), "2", "开展农村黑臭水体治理", "", "县农业农村局、县水利局按职责分工负责", "2023年");
      document.write(out);
      docx = out.toByteArray();
    }
    Plan plan = new PlanImporter().importBytes("table.docx", docx);
    assertThat(plan.sections()).extracting(Section::heading).contains("示范县“十四五”生态环境保护规划重点任务分工表");
    List<Task> tasks = plan.tasks();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).text()).isEqualTo("推进钢铁行业超低排放改造");
    assertThat(tasks.get(0).lead()).containsExactly("县生态环境分局");
    assertThat(tasks.get(0).support()).containsExactly("县工业和信息化局", "县发展和改革局");
    assertThat(tasks.get(0).targets())
        .anySatisfy(t -> assertThat(t.deadline()).hasValue(LocalDate.of(2025, 12, 31)));
    assertThat(tasks.get(1).responsible()).containsExactly("县农业农村局", "县水利局");
  }

  private static void level(
      CTAbstractNum definition, int level, STNumberFormat.Enum format, String text) {
    CTLvl lvl = definition.addNewLvl();
    lvl.setIlvl(BigInteger.valueOf(level));
    lvl.addNewStart().setVal(BigInteger.ONE);
    lvl.addNewNumFmt().setVal(format);
    lvl.addNewLvlText().setVal(text);
  }

  private static void numbered(XWPFDocument document, BigInteger numId, int level, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setNumID(numId);
    paragraph.setNumILvl(BigInteger.valueOf(level));
    paragraph.createRun().setText(text);
  }
}
