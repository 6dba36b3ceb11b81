package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The figure a higher level assigned for a dated target (完成市下达的年度减排任务 → 减少 1200 吨), as the planner
 * entered it: the comparator and number, the unit, where it came from (市生态环境局2026年3月下达), who
 * entered it and when.
 */
public record AssignedFigure(
    BigDecimal value,
    String comparator,
    Optional<String> unit,
    String source,
    String enteredBy,
    OffsetDateTime enteredAt) {}
