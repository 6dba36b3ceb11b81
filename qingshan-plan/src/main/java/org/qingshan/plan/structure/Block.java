package org.qingshan.plan.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Consecutive paragraphs that belong together under one heading: a numbered item with its
 * continuation paragraphs and markers, a run-in section, a heading's body text, or a project box.
 */
public final class Block {

  /** How the block started. */
  public enum Kind {
    ITEM,
    RUN_IN_SECTION,
    BODY,
    BOX
  }

  private final Kind kind;
  private final Optional<Numbering> numbering;
  private final OutlineNode parent;
  private final List<Paragraph> paragraphs = new ArrayList<>();

  Block(Kind kind, Optional<Numbering> numbering, OutlineNode parent, Paragraph first) {
    this.kind = kind;
    this.numbering = numbering;
    this.parent = parent;
    paragraphs.add(first);
  }

  private boolean introducesSubItems;

  void markIntroduction() {
    introducesSubItems = true;
  }

  /**
   * The same block holding other paragraphs (the numbering stays only if the first one is kept).
   */
  public Block withParagraphs(List<Paragraph> kept) {
    boolean firstKept = !kept.isEmpty() && kept.get(0) == paragraphs.get(0);
    Block copy =
        new Block(
            firstKept ? kind : Kind.BODY,
            firstKept ? numbering : Optional.empty(),
            parent,
            kept.get(0));
    kept.subList(1, kept.size()).forEach(copy::add);
    copy.introducesSubItems = introducesSubItems;
    return copy;
  }

  void add(Paragraph paragraph) {
    paragraphs.add(paragraph);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Numbering> numbering() {
    return numbering;
  }

  public OutlineNode parent() {
    return parent;
  }

  /** The paragraphs, unmodifiable and without a copy: splitting asks for them once a paragraph. */
  public List<Paragraph> paragraphs() {
    return Collections.unmodifiableList(paragraphs);
  }

  /** Body text that only introduces the items or subsections following it in the same heading. */
  public boolean isIntroduction() {
    if (introducesSubItems) {
      return true;
    }
    return kind == Kind.BODY
        && (!parent.children().isEmpty()
            || parent.blocks().stream()
                .anyMatch(b -> b.kind == Kind.ITEM || b.kind == Kind.RUN_IN_SECTION));
  }
}
