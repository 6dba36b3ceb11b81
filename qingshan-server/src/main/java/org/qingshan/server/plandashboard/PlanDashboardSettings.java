package org.qingshan.server.plandashboard;

import org.qingshan.server.plandispatch.DispatchSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plan dashboard's rules ({@code qingshan.plan-dashboard.*}).
 *
 * @param warningMargin the share of an indicator's distance from baseline to target it may fall
 *     short of the trajectory and be 预警 rather than 滞后
 * @param dueSoonDays how many days before a dated target it counts as due soon
 * @param reminderDays how many days before a report is due the liaisons of departments that have
 *     not reported for the period get an in-app reminder (and the dashboard marks them 即将到期)
 * @param defaultFrequency the reporting schedule of a plan whose planner has set none
 */
@ConfigurationProperties("qingshan.plan-dashboard")
public record PlanDashboardSettings(
    @DefaultValue("0.1") double warningMargin,
    @DefaultValue("30") int dueSoonDays,
    @DefaultValue("5") int reminderDays,
    @DefaultValue("QUARTERLY") DispatchSchedule defaultFrequency) {}
