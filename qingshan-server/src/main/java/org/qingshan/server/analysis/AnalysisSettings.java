package org.qingshan.server.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 分析研判 ({@code qingshan.analysis.*}).
 *
 * @param repeatOffenderCases an enterprise with at least this many cases in the period is a repeat
 *     offender (the page may ask for another number)
 * @param defaultMonths the period shown when none is chosen: this many months up to today
 */
@ConfigurationProperties("qingshan.analysis")
public record AnalysisSettings(
    @DefaultValue("3") int repeatOffenderCases, @DefaultValue("12") int defaultMonths) {}
