package org.qingshan.plan.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.responsibility.MarkerFinder;

/**
 * The heading tree of the body with its blocks of text. Numbered lines short enough to be titles
 * are headings; numbered lines with sentences are items (tasks), whatever their numbering style,
 * because counties put tasks at different depths (（一）加强…。 is a task in one plan, 1. in another).
 */
public final class Outline {

  private final OutlineNode root;

  private Outline(OutlineNode root) {
    this.root = root;
  }

  public OutlineNode root() {
    return root;
  }

  public static Outline read(List<Paragraph> paragraphs, String title) {
    OutlineNode root = new OutlineNode(Optional.empty(), title, 0, null);
    OutlineNode top = root;
    Block block = null;
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph paragraph = paragraphs.get(i);
      String text = paragraph.text();
      if (text.indexOf('\t') >= 0) {
        // Tables other than the indicator table only matter as project lists.
        if (block != null && block.kind() == Block.Kind.BOX) {
          block.add(paragraph);
        } else if (top.isProjectList()) {
          block = new Block(Block.Kind.BOX, Optional.empty(), top, paragraph);
          top.blocks().add(block);
        }
        continue;
      }
      Optional<Numbering> numbering = Numbering.parse(text);
      if (numbering.isPresent()) {
        Numbering number = numbering.get();
        String rest = text.substring(number.end());
        boolean headingStyle = number.style().isHeadingStyle();
        boolean shortTitle = LineShape.isHeadingTitle(rest) && MarkerFinder.find(rest).isEmpty();
        boolean itemHeading =
            !headingStyle
                && shortTitle
                && rest.strip().length() <= 24
                && opensDeeperLevel(paragraphs, i, number);
        if ((headingStyle && shortTitle) || itemHeading) {
          while (top != root && top.rank() >= number.style().rank()) {
            top = top.parent().orElse(root);
          }
          OutlineNode node = new OutlineNode(numbering, rest.strip(), paragraph.firstLine(), top);
          top.children().add(node);
          top = node;
          block = null;
          continue;
        }
        if (block != null
            && block.kind() == Block.Kind.BOX
            && staysInBox(block, top, number, paragraph)) {
          block.add(paragraph);
          continue;
        }
        if (headingStyle) {
          while (top != root && top.rank() >= number.style().rank()) {
            top = top.parent().orElse(root);
          }
        }
        List<Block> siblings = top.blocks();
        if (!siblings.isEmpty()) {
          Block previous = siblings.get(siblings.size() - 1);
          if (previous.numbering().isPresent()
              && previous.numbering().get().style().rank() < number.style().rank()) {
            previous.markIntroduction();
          }
        }
        block =
            new Block(
                headingStyle ? Block.Kind.RUN_IN_SECTION : Block.Kind.ITEM,
                numbering,
                top,
                paragraph);
        top.blocks().add(block);
        continue;
      }
      if (Fold.width(text).matches("^专栏\\s*\\d*.*") && text.length() <= 40) {
        block = new Block(Block.Kind.BOX, Optional.empty(), top, paragraph);
        top.blocks().add(block);
        continue;
      }
      if (block == null) {
        block = new Block(Block.Kind.BODY, Optional.empty(), top, paragraph);
        top.blocks().add(block);
      } else {
        block.add(paragraph);
      }
    }
    return new Outline(root);
  }

  /** A short numbered line followed by deeper-numbered lines or plain text is a sub-heading. */
  private static boolean opensDeeperLevel(List<Paragraph> paragraphs, int index, Numbering number) {
    if (index + 1 >= paragraphs.size()) {
      return false;
    }
    Optional<Numbering> next = Numbering.parse(paragraphs.get(index + 1).text());
    if (next.isEmpty()) {
      return !paragraphs.get(index + 1).text().matches("^[(（].*") && number.token().length() <= 3;
    }
    return next.get().style().rank() > number.style().rank();
  }

  /**
   * Boxes never carry markers, so a numbered paragraph with a marker ends the box; otherwise an
   * item that carries on the task numbering before the box ends it, unless it also carries on the
   * box's own numbering.
   */
  private static boolean staysInBox(
      Block box, OutlineNode node, Numbering number, Paragraph paragraph) {
    if (!paragraph.markers().isEmpty()) {
      return false;
    }
    return !continuesItems(node, number) || continuesBox(box, number);
  }

  private static boolean continuesBox(Block box, Numbering number) {
    for (int i = box.paragraphs().size() - 1; i >= 0; i--) {
      Optional<Numbering> previous = Numbering.parse(box.paragraphs().get(i).text());
      if (previous.isPresent() && previous.get().style() == number.style()) {
        try {
          return Integer.parseInt(number.value()) == Integer.parseInt(previous.get().value()) + 1;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** A numbered item after a box that carries on the task items before it ends the box. */
  private static boolean continuesItems(OutlineNode node, Numbering number) {
    List<Block> blocks = new ArrayList<>(node.blocks());
    for (int i = blocks.size() - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.kind() == Block.Kind.ITEM && b.numbering().isPresent()) {
        Numbering last = b.numbering().get();
        if (last.style() == number.style()) {
          try {
            return Integer.parseInt(number.value()) == Integer.parseInt(last.value()) + 1;
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
    }
    return false;
  }
}
