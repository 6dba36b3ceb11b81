package org.qingshan.plan.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A target stated inside task text, e.g. 2025年底前，城区机扫率达95%以上: the sentence, what is measured, the
 * value and unit, the comparator (≥ ≤ ≈ =, 减少, 增长; prefixed 力争 when aspirational), the deadline as
 * a date, and a recurring duty (每年, 每季度) when the sentence states one. {@code assigned} when a
 * higher level sets the target (完成市下达的年度减排任务, 以上级下达为准): its value arrives later, from the city or
 * the province, so the sentence is a target even without a date or a number.
 */
public record DatedTarget(
    String text,
    Optional<String> metric,
    Optional<BigDecimal> value,
    Optional<String> unit,
    Optional<String> comparator,
    Optional<LocalDate> deadline,
    Optional<String> recurring,
    boolean assigned) {}
