package org.qingshan.plan.placeholder;

/** A field still to be filled in, never data: the token as written and its line. */
public record Placeholder(PlaceholderKind kind, String text, int line) {}
