package org.qingshan.plan.task;

import java.util.List;
import java.util.regex.Pattern;
import org.qingshan.plan.responsibility.ResponsibilityMarker;
import org.qingshan.plan.structure.Block;
import org.qingshan.plan.structure.Numbering;
import org.qingshan.plan.structure.Outline;
import org.qingshan.plan.structure.OutlineNode;
import org.qingshan.plan.structure.Paragraph;

/**
 * Whether a document writes its markers after the text they govern (the common case) or before it.
 * Taken from the document as a whole, never from one line.
 */
public enum MarkerPlacement {
  AFTER_TEXT,
  BEFORE_TEXT;

  private static final Pattern SPACE_AND_PUNCT = Pattern.compile("[\\s。；;，,]");

  /** Markers usually follow their text; a plan that writes them first is recognised by majority. */
  public static MarkerPlacement of(Outline outline) {
    int[] votes = new int[2];
    count(outline.root(), votes);
    return votes[1] > votes[0] ? MarkerPlacement.BEFORE_TEXT : MarkerPlacement.AFTER_TEXT;
  }

  private static void count(OutlineNode node, int[] votes) {
    for (Block block : node.blocks()) {
      for (Paragraph paragraph : block.paragraphs()) {
        String text = paragraph.text();
        List<ResponsibilityMarker> markers = paragraph.markers();
        if (markers.isEmpty()) {
          continue;
        }
        int start = Numbering.parse(text).map(Numbering::end).orElse(0);
        ResponsibilityMarker first = markers.get(0);
        ResponsibilityMarker last = markers.get(markers.size() - 1);
        String before = text.substring(Math.min(start, first.start()), first.start()).strip();
        String afterLast = SPACE_AND_PUNCT.matcher(text.substring(last.end())).replaceAll("");
        String afterFirst = SPACE_AND_PUNCT.matcher(text.substring(first.end())).replaceAll("");
        boolean markerOnly = before.isEmpty() && afterLast.isEmpty() && markers.size() == 1;
        if (markerOnly) {
          continue;
        }
        if (afterLast.isEmpty()) {
          votes[0]++;
        } else if ((before.isEmpty()
                || before.length() <= 30 && before.indexOf('。') == before.length() - 1)
            && afterFirst.length() > 10) {
          votes[1]++;
        }
      }
    }
    node.children().forEach(child -> count(child, votes));
  }
}
