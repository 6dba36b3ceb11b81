package org.qingshan.plan.structure;

import java.util.Optional;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/** Cheap judgements about one line or paragraph of plan text, shared by the structure readers. */
public final class LineShape {

  private static final Pattern LABEL_START =
      Pattern.compile(
          "^[(]?\\s*(牵\\s*头|主\\s*办|责\\s*任|配\\s*合|协\\s*办|协\\s*助|参\\s*与|主\\s*责|实\\s*施)\\s*(单\\s*位|部\\s*门)\\s*[:：]");
  private static final int MAX_TITLE = 50;
  private static final String TERMINAL = "。！？!?；;）)：:";

  private LineShape() {}

  /**
   * A numbered line short enough and without sentence ends to be a heading, not a task. Reads the
   * number and at most the title's length, however long {@code text} is.
   */
  public static boolean isHeading(CharSequence text) {
    Optional<Numbering> numbering = Numbering.parse(text);
    return numbering.isPresent() && isHeadingTitle(text, numbering.get().end());
  }

  public static boolean isHeadingTitle(String rest) {
    return isHeadingTitle(rest, 0);
  }

  /** Whether {@code text} from {@code from} on, stripped, is a title of at most 50 characters. */
  private static boolean isHeadingTitle(CharSequence text, int from) {
    int start = from;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end || end - start > MAX_TITLE) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '。' || c == '；' || c == ';' || c == '！' || c == '？') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a paragraph ends a sentence: with closing punctuation, but not with a label that waits
   * for its units (责任单位：). Reads only the end of {@code text}.
   */
  public static boolean endsTerminal(CharSequence text) {
    if (text.length() == 0) {
      return true;
    }
    if (endsWithLabel(text)) {
      return false;
    }
    return TERMINAL.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  /**
   * {@code (单位|部门)\s*[:：]?$} found in {@code text}, read from the end: a regular expression
   * searched from the start would read the whole paragraph each time a line is joined. As there,
   * the end may come before one final line terminator.
   */
  static boolean endsWithLabel(CharSequence text) {
    int length = text.length();
    if (labelEndsAt(text, length)) {
      return true;
    }
    if (length >= 2 && text.charAt(length - 2) == '\r' && text.charAt(length - 1) == '\n') {
      return labelEndsAt(text, length - 2);
    }
    return length >= 1
        && isLineTerminator(text.charAt(length - 1))
        && labelEndsAt(text, length - 1);
  }

  private static boolean labelEndsAt(CharSequence text, int end) {
    int i = end;
    if (i > 0 && (text.charAt(i - 1) == ':' || text.charAt(i - 1) == '：')) {
      i--;
    }
    while (i > 0 && isRegexSpace(text.charAt(i - 1))) {
      i--;
    }
    if (i < 2) {
      return false;
    }
    char first = text.charAt(i - 2);
    char second = text.charAt(i - 1);
    return first == '单' && second == '位' || first == '部' && second == '门';
  }

  /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The line terminators {@code $} may stand before. */
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  public static boolean startsWithLabel(String text) {
    return LABEL_START.matcher(Fold.width(text)).find();
  }
}
