package org.qingshan.plan.common;

/** A line the importer was unsure about, kept so that a planner can check it. */
public record ImportWarning(int line, String message) {}
