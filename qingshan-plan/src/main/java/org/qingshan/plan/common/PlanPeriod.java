package org.qingshan.plan.common;

/** The years a plan covers, e.g. 2021–2025 for a 十四五 plan. */
public record PlanPeriod(int from, int to) {}
