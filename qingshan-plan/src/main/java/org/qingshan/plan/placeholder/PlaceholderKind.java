package org.qingshan.plan.placeholder;

/** What a placeholder stands for, judged from its context (its length says nothing). */
public enum PlaceholderKind {
  /** A responsible unit still to be named (牵头单位：XXX). */
  UNIT("unit"),
  /** A number still to be set (达到XX%, XX万亩). */
  NUMBER("number"),
  /** A name, usually a place (XX河, 美丽XX, 市生态环境局XX分局). */
  NAME("name");

  private final String jsonName;

  PlaceholderKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
