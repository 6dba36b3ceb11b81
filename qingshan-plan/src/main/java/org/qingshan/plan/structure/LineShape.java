package org.qingshan.plan.structure;

import java.util.Optional;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/** Cheap judgements about one line or paragraph of plan text, shared by the structure readers. */
public final class LineShape {

  private static final Pattern LABEL_START =
      Pattern.compile(
          "^[(]?\\s*(牵\\s*头|主\\s*办|责\\s*任|配\\s*合|协\\s*办|协\\s*助|参\\s*与|主\\s*责|实\\s*施)\\s*(单\\s*位|部\\s*门)\\s*[:：]");
  private static final Pattern ENDS_WITH_LABEL = Pattern.compile("(单位|部门)\\s*[:：]?$");
  private static final String TERMINAL = "。！？!?；;）)：:";

  private LineShape() {}

  /** A numbered line short enough and without sentence ends to be a heading, not a task. */
  public static boolean isHeading(String text) {
    Optional<Numbering> numbering = Numbering.parse(text);
    if (numbering.isEmpty()) {
      return false;
    }
    String rest = text.substring(numbering.get().end());
    return isHeadingTitle(rest);
  }

  public static boolean isHeadingTitle(String rest) {
    String trimmed = rest.strip();
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

  public static boolean endsTerminal(String text) {
    if (text.isEmpty()) {
      return true;
    }
    if (ENDS_WITH_LABEL.matcher(text).find()) {
      return false;
    }
    return TERMINAL.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  public static boolean startsWithLabel(String text) {
    return LABEL_START.matcher(Fold.width(text)).find();
  }
}
