package org.qingshan.plan.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A heading while the outline is being read; becomes a section of the plan once tasks are known.
 */
public final class OutlineNode {

  private static final Pattern FRAMEWORK =
      Pattern.compile(
          "指导思想|基本原则|^原则$|(主要|总体|工作|规划|发展)目标|目标指标|编制依据|规划依据|发展基础|成效|任重道远|面临.{0,4}(形势|挑战)|形势|现状|回顾|效益分析|规划范围|规划期限|总体要求|(主要|规划|核心)指标|^总则$|前言|(规划|编制)背景");
  private static final Pattern PROJECTS = Pattern.compile("重点工程|重点项目|工程项目|项目库|项目清单|专栏");

  private final Optional<Numbering> numbering;
  private final String heading;
  private final int line;
  private final OutlineNode parent;
  private final List<OutlineNode> children = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();

  OutlineNode(Optional<Numbering> numbering, String heading, int line, OutlineNode parent) {
    this.numbering = numbering;
    this.heading = heading;
    this.line = line;
    this.parent = parent;
  }

  public Optional<Numbering> numbering() {
    return numbering;
  }

  public String heading() {
    return heading;
  }

  public int line() {
    return line;
  }

  public Optional<OutlineNode> parent() {
    return Optional.ofNullable(parent);
  }

  public List<OutlineNode> children() {
    return children;
  }

  public List<Block> blocks() {
    return blocks;
  }

  int rank() {
    return numbering.map(n -> n.style().rank()).orElse(-1);
  }

  /** Review, guiding ideas, principles, goals, legal basis: text that assigns no work. */
  public boolean isFramework() {
    return FRAMEWORK.matcher(heading).find();
  }

  public boolean isProjectList() {
    return PROJECTS.matcher(heading).find();
  }
}
