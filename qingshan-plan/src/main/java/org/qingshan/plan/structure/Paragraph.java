package org.qingshan.plan.structure;

import java.util.ArrayList;
import java.util.List;
import org.qingshan.plan.responsibility.MarkerFinder;
import org.qingshan.plan.responsibility.ResponsibilityMarker;

/**
 * A logical paragraph rebuilt from source lines (page breaks and layout wraps removed). It
 * remembers which source line each part came from, so any position in the text maps back to a line
 * number.
 */
public final class Paragraph {

  private final StringBuilder text = new StringBuilder();
  private final List<int[]> anchors = new ArrayList<>();
  private String cachedText;
  private List<ResponsibilityMarker> markers;

  Paragraph(String firstText, int line) {
    append(firstText, line);
  }

  void append(String part, int line) {
    cachedText = null;
    markers = null;
    // Parts are joined without a space: a break inside a Chinese sentence, a word or a unit name
    // (冠县⏎⏎发展和改革局) never stood for a space.
    anchors.add(new int[] {text.length(), line});
    text.append(part);
  }

  /** The text so far without copying it, for judging a paragraph while lines are joined. */
  CharSequence content() {
    return text;
  }

  public String text() {
    if (cachedText == null) {
      cachedText = text.toString();
    }
    return cachedText;
  }

  /** The responsibility markers in this paragraph, found once (tasks, placement and boxes ask). */
  public List<ResponsibilityMarker> markers() {
    if (markers == null) {
      markers = MarkerFinder.find(text());
    }
    return markers;
  }

  public int firstLine() {
    return anchors.get(0)[1];
  }

  public int lastLine() {
    return anchors.get(anchors.size() - 1)[1];
  }

  /** The source line holding the character at {@code offset}. */
  public int lineAt(int offset) {
    int line = anchors.get(0)[1];
    for (int[] anchor : anchors) {
      if (anchor[0] > offset) {
        break;
      }
      line = anchor[1];
    }
    return line;
  }
}
