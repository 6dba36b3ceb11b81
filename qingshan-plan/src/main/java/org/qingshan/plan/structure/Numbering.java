package org.qingshan.plan.structure;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * The number in front of a heading or item, in any of the styles counties use: 第一章, 第一节, 一、,
 * （一）/(一), 1., （1）, 1.1, ①. {@code end} is where the text after the number starts.
 */
public record Numbering(Style style, String token, int end) {
  private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[、.．\\s]+$");
  private static final Pattern DECORATION = Pattern.compile("[()（）第章节部分篇、.．\\s]");

  /** Styles from outermost to innermost, in the order plans nest them. */
  public enum Style {
    CHAPTER_DI(0, "^第([一二三四五六七八九十百零〇两\\d]+)(章|部分|篇)\\s*"),
    SECTION_DI(1, "^第([一二三四五六七八九十百零〇两\\d]+)节\\s*"),
    CHAPTER(2, "^([一二三四五六七八九十]{1,3})\\s*[、.]\\s*"),
    SECTION(3, "^[(]\\s*([一二三四五六七八九十]{1,3})\\s*[)]\\s*"),
    DECIMAL(5, "^(\\d{1,2}\\.\\d{1,2})(?![.\\d%])\\s*"),
    ITEM(4, "^(\\d{1,2})\\s*[.、](?![\\d])\\s*"),
    SUBITEM(6, "^[(]\\s*(\\d{1,2})\\s*[)]\\s*"),
    SUBITEM_HALF(6, "^(\\d{1,2})\\s*[)](?![\\d])\\s*"),
    CIRCLED(7, "^([\\u2460-\\u2473])\\s*");

    private final int rank;
    private final Pattern pattern;

    Style(int rank, String regex) {
      this.rank = rank;
      this.pattern = Pattern.compile(regex);
    }

    public int rank() {
      return rank;
    }

    public boolean isHeadingStyle() {
      return rank <= 3;
    }
  }

  /**
   * The numbering at the start of {@code text}. Every style is anchored at the start, so only the
   * characters up to the number's end are read (joining lines asks this of a growing paragraph).
   */
  public static Optional<Numbering> parse(CharSequence text) {
    CharSequence folded = Fold.widthView(text);
    for (Style style : Style.values()) {
      Matcher m = style.pattern.matcher(folded);
      if (m.lookingAt()) {
        String token = text.subSequence(0, m.end()).toString().strip();
        token = TRAILING_SEPARATOR.matcher(token).replaceAll("");
        return Optional.of(new Numbering(style, token, m.end()));
      }
    }
    return Optional.empty();
  }

  /** The number itself without brackets or separators, e.g. 三 for （三）. */
  public String value() {
    return DECORATION.matcher(token).replaceAll("");
  }
}
