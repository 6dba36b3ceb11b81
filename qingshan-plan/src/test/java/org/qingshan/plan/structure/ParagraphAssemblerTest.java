package org.qingshan.plan.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.SharedPlans;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.PlanTooLargeException;
import org.qingshan.plan.document.DocumentReader;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.document.SourceLine;

/**
 * Joining lines reads only the ends of a growing paragraph (issue 11: 16,000 lines without a
 * sentence end took 65.7 s). The joins must be those of the former algorithm, which judged the
 * whole paragraph text after each line; it is kept below as the reference.
 */
class ParagraphAssemblerTest {

  private static final String[] FRAGMENTS = {
    "一、",
    "（一）",
    "(二)",
    "十二、",
    "1.",
    "2、",
    "12.",
    "1.1",
    "（1）",
    "1)",
    "①",
    "第一章",
    "第二节",
    "第三部分",
    "责任单位：",
    "牵头单位:",
    "配合部门：",
    "单位",
    "部门",
    "单位 ",
    "部门：",
    " 单位\t:",
    "。",
    "；",
    ";",
    "！",
    "？",
    "?",
    "）",
    ")",
    "：",
    ":",
    "，",
    "、",
    "加强管控",
    "县住建局",
    "推进治理工作落实到位",
    " ",
    "\t",
    "　",
    "\u2028",
    "\u0085",
    "\r",
    "\n",
    "\r\n",
    "X",
    "2025年",
    "100%",
    "落实施工工地扬尘管控责任全面推行绿色施工加强监管严格执法确保见效",
  };

  @Test
  void joinsAsTheFormerAlgorithmOnRandomPlanLikeLines() throws Exception {
    Random random = new Random(20261204);
    for (int document = 0; document < 5_000; document++) {
      List<SourceLine> lines = new ArrayList<>();
      int count = 1 + random.nextInt(40);
      for (int n = 1; n <= count; n++) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(5);
        for (int p = 0; p < parts; p++) {
          text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        lines.add(new SourceLine(n, text.toString(), random.nextInt(30) == 0));
      }
      boolean hardWrapped = random.nextBoolean();
      assertSameJoins(lines, hardWrapped);
    }
  }

  @Test
  void joinsAsTheFormerAlgorithmOnTheSharedPlans() throws Exception {
    for (String name :
        List.of(
            "guanxian-2021-2025.txt",
            "dongchangfu-2021-2025.txt",
            "template-county-2018-2020.txt")) {
      Path file = SharedPlans.plan(name);
      List<SourceLine> lines =
          DocumentReader.read(file, ImportBudget.start(ImportLimits.defaults())).lines();
      assertSameJoins(lines, false);
      assertSameJoins(lines, true);
    }
  }

  @Test
  void sixteenThousandLinesWithoutASentenceEndBecomeOneParagraph() throws Exception {
    List<SourceLine> lines = new ArrayList<>();
    for (int n = 1; n <= 16_000; n++) {
      lines.add(new SourceLine(n, "加强施工扬尘管控落实施工工地扬尘管控责任第" + n + "行", false));
    }
    List<Paragraph> paragraphs =
        ParagraphAssembler.assemble(lines, false, ImportBudget.start(ImportLimits.defaults()));
    assertThat(paragraphs).hasSize(1);
    assertThat(paragraphs.get(0).lastLine()).isEqualTo(16_000);
    assertThat(paragraphs.get(0).lineAt(paragraphs.get(0).text().length() - 1)).isEqualTo(16_000);
  }

  @Test
  void aLabelAtTheEndIsFoundAsTheRegularExpressionFindsIt() {
    for (String text :
        List.of(
            "责任单位",
            "责任单位：",
            "责任部门:",
            "责任单位 \t：",
            "单位\n",
            "单位：\u2028",
            "单位\r\n",
            "单位\u0085",
            "单位：\n：",
            "单位。",
            "单",
            "位",
            "",
            "：",
            "部门 ：\r")) {
      assertThat(LineShape.endsWithLabel(text)).as(text).isEqualTo(Former.endsWithLabel(text));
    }
  }

  private static void assertSameJoins(List<SourceLine> lines, boolean hardWrapped)
      throws PlanTooLargeException {
    List<Paragraph> actual =
        ParagraphAssembler.assemble(
            lines, hardWrapped, ImportBudget.start(ImportLimits.defaults()));
    List<Paragraph> expected = Former.assemble(lines, hardWrapped);
    assertThat(describe(actual)).as("joins of %s", lines).isEqualTo(describe(expected));
  }

  private static List<String> describe(List<Paragraph> paragraphs) {
    List<String> described = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      StringBuilder lineOfEachCharacter = new StringBuilder();
      for (int i = 0; i < p.text().length(); i++) {
        lineOfEachCharacter.append(p.lineAt(i)).append(',');
      }
      described.add(
          p.firstLine() + "-" + p.lastLine() + " " + p.text() + " @" + lineOfEachCharacter);
    }
    return described;
  }

  /** The joining as it was before, judging the whole paragraph text after each line. */
  private static final class Former {
    private static final Pattern ENDS_WITH_LABEL = Pattern.compile("(单位|部门)\\s*[:：]?$");
    private static final String TERMINAL = "。！？!?；;）)：:";
    private static final List<Pattern> NUMBERINGS =
        List.of(
                "^第([一二三四五六七八九十百零〇两\\d]+)(章|部分|篇)\\s*",
                "^第([一二三四五六七八九十百零〇两\\d]+)节\\s*",
                "^([一二三四五六七八九十]{1,3})\\s*[、.]\\s*",
                "^[(]\\s*([一二三四五六七八九十]{1,3})\\s*[)]\\s*",
                "^(\\d{1,2}\\.\\d{1,2})(?![.\\d%])\\s*",
                "^(\\d{1,2})\\s*[.、](?![\\d])\\s*",
                "^[(]\\s*(\\d{1,2})\\s*[)]\\s*",
                "^(\\d{1,2})\\s*[)](?![\\d])\\s*",
                "^([\\u2460-\\u2473])\\s*")
            .stream()
            .map(Pattern::compile)
            .toList();

    static List<Paragraph> assemble(List<SourceLine> lines, boolean hardWrapped) {
      int fullWidth = hardWrapped ? typicalFullLine(lines) : Integer.MAX_VALUE;
      List<Paragraph> paragraphs = new ArrayList<>();
      Paragraph current = null;
      String lastPart = "";
      for (SourceLine line : lines) {
        String text = line.text();
        if (text.isBlank()) {
          continue;
        }
        if (line.tableRow()) {
          paragraphs.add(new Paragraph(text, line.number()));
          current = null;
          continue;
        }
        boolean startsNew =
            current == null
                || numberingEnd(text).isPresent()
                || LineShape.startsWithLabel(text)
                || isHeading(current.text())
                || (endsTerminal(current.text())
                    && !(hardWrapped && lastPart.length() >= fullWidth));
        if (startsNew) {
          current = new Paragraph(text, line.number());
          paragraphs.add(current);
        } else {
          current.append(text, line.number());
        }
        lastPart = text;
      }
      return paragraphs;
    }

    static Optional<Integer> numberingEnd(String text) {
      String folded = Fold.width(text);
      for (Pattern pattern : NUMBERINGS) {
        Matcher m = pattern.matcher(folded);
        if (m.find()) {
          return Optional.of(m.end());
        }
      }
      return Optional.empty();
    }

    static boolean isHeading(String text) {
      Optional<Integer> end = numberingEnd(text);
      if (end.isEmpty()) {
        return false;
      }
      String trimmed = text.substring(end.get()).strip();
      if (trimmed.isEmpty() || trimmed.length() > 50) {
        return false;
      }
      for (int i = 0; i < trimmed.length(); i++) {
        char c = trimmed.charAt(i);
        if (c == '。' || c == '；' || c == ';' || c == '！' || c == '？') {
          return false;
        }
      }
      return true;
    }

    static boolean endsWithLabel(String text) {
      return ENDS_WITH_LABEL.matcher(text).find();
    }

    static boolean endsTerminal(String text) {
      if (text.isEmpty()) {
        return true;
      }
      if (endsWithLabel(text)) {
        return false;
      }
      return TERMINAL.indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    static int typicalFullLine(List<SourceLine> lines) {
      int[] lengths =
          lines.stream().mapToInt(l -> l.text().length()).filter(n -> n > 0).sorted().toArray();
      if (lengths.length == 0) {
        return Integer.MAX_VALUE;
      }
      int high = lengths[(int) Math.floor((lengths.length - 1) * 0.9)];
      return Math.max(8, (int) Math.floor(high * 0.9));
    }
  }
}
