package org.qingshan.server.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.qingshan.server.web.Messages;
import org.springframework.stereotype.Component;

/**
 * An evaluation as a Word document. Every run names its East Asian font (宋体) besides the Latin one,
 * so Word and LibreOffice show the Chinese text with a Chinese font rather than a fallback.
 */
@Component
class EvaluationDocx {
  static final String CJK_FONT = "宋体";
  static final String LATIN_FONT = "Times New Roman";
  private final Messages messages;

  EvaluationDocx(Messages messages) {
    this.messages = messages;
  }

  byte[] write(EvaluationReport r) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, EvaluationDocuments.title(messages, r), 18, true);
      para(doc, messages.get("evaluation.doc.date", r.date().toString()), 11, false);

      heading(doc, messages.get("evaluation.doc.overall"));
      para(doc, r.summary(), 12, false);

      heading(doc, messages.get("evaluation.doc.indicators"));
      XWPFTable t = doc.createTable();
      row(t.getRow(0), EvaluationDocuments.indicatorHeader(messages));
      for (EvaluationReport.Indicator i : r.indicators()) {
        row(t.createRow(), EvaluationDocuments.indicatorRow(i));
      }
      for (EvaluationReport.Indicator i : r.indicators()) {
        para(doc, i.no() + " " + i.name() + "：" + i.valueText() + " " + i.statusLabel(), 11, true);
        if (!i.actual().isEmpty() || !i.trajectory().isEmpty()) {
          byte[] png = EvaluationChart.png(i, 480, 200);
          XWPFRun run = doc.createParagraph().createRun();
          run.addPicture(
              new ByteArrayInputStream(png),
              Document.PICTURE_TYPE_PNG,
              "indicator-" + i.no() + ".png",
              Units.toEMU(360),
              Units.toEMU(150));
          para(doc, messages.get("evaluation.doc.chart.legend"), 9, false);
        }
      }

      heading(doc, messages.get("evaluation.doc.chapters"));
      XWPFTable c = doc.createTable();
      row(c.getRow(0), EvaluationDocuments.chapterHeader(messages));
      for (EvaluationReport.Chapter ch : r.chapters()) {
        row(c.createRow(), EvaluationDocuments.chapterRow(ch));
      }
      if (!r.targets().isEmpty()) {
        para(doc, messages.get("evaluation.doc.targets"), 12, true);
        XWPFTable g = doc.createTable();
        row(g.getRow(0), EvaluationDocuments.targetHeader(messages));
        for (EvaluationReport.TargetProgress tp : r.targets()) {
          row(g.createRow(), EvaluationDocuments.targetRow(tp));
        }
      }

      heading(doc, messages.get("evaluation.doc.projects"));
      if (r.projects().isEmpty()) {
        para(doc, messages.get("evaluation.doc.none"), 12, false);
      }
      for (EvaluationReport.Project p : r.projects()) {
        para(doc, EvaluationDocuments.project(messages, p), 12, false);
        para(doc, EvaluationDocuments.milestones(messages, p), 11, false);
      }

      heading(doc, messages.get("evaluation.doc.problems"));
      list(doc, r.problems());
      heading(doc, messages.get("evaluation.doc.next"));
      list(doc, r.nextSteps());

      heading(doc, messages.get("evaluation.doc.departments"));
      para(doc, r.scoringMethod(), 11, false);
      XWPFTable d = doc.createTable();
      row(d.getRow(0), EvaluationDocuments.departmentHeader(messages));
      for (EvaluationReport.DepartmentScore s : r.departments()) {
        row(d.createRow(), EvaluationDocuments.departmentRow(s));
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  private void list(XWPFDocument doc, List<String> items) {
    if (items.isEmpty()) {
      para(doc, messages.get("evaluation.doc.none"), 12, false);
    }
    int n = 1;
    for (String s : items) {
      para(doc, n++ + ". " + s, 12, false);
    }
  }

  private static void heading(XWPFDocument doc, String text) {
    para(doc, text, 14, true);
  }

  private static void para(XWPFDocument doc, String text, int size, boolean bold) {
    run(doc.createParagraph(), text, size, bold);
  }

  private static void row(XWPFTableRow row, List<String> cells) {
    for (int k = 0; k < cells.size(); k++) {
      var cell = row.getCell(k) != null ? row.getCell(k) : row.addNewTableCell();
      XWPFParagraph p = cell.getParagraphs().get(0);
      run(p, cells.get(k), 10, false);
    }
  }

  static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(bold);
    CTRPr pr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
    fonts.setAscii(LATIN_FONT);
    fonts.setHAnsi(LATIN_FONT);
    fonts.setEastAsia(CJK_FONT);
    fonts.setCs(LATIN_FONT);
    return run;
  }
}
