package org.qingshan.server.cases;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Cases ({@code qingshan.cases.*}). The public-report limits follow the 12369 rules (accept within
 * 15 days, close within 60, extend by at most 30); the others are the bureau's own and shown on the
 * cases page as the rules in force.
 *
 * @param alarmHoursCritical hours to close a case from a critical alarm (and so on for the other
 *     severities)
 * @param publicAcceptDays days to accept or refuse a public report
 * @param publicCloseDays days to close a public report
 * @param defaultDays days to close a case of any other source
 * @param typeDays days to close by case type before the default, as {@code type=days} with the
 *     type's API code ({@code noise=7,dust=5})
 * @param maxExtensionDays the longest extension the bureau may grant
 * @param superviseAfterDays days overdue after which a case is 督办 (escalated to the leadership)
 * @param dueSoonHours how long before its deadline a case is 临期
 * @param photoMaxSize the largest single photo taken
 * @param maxPhotos photos per step
 * @param photoMaxSide photos are scaled down to this many pixels on the longer side
 * @param webhooks group-robot addresses (企业微信, 钉钉) told of new, overdue and escalated cases
 */
@ConfigurationProperties("qingshan.cases")
public record CaseSettings(
    @DefaultValue("12") int alarmHoursCritical,
    @DefaultValue("24") int alarmHoursMajor,
    @DefaultValue("72") int alarmHoursMinor,
    @DefaultValue("168") int alarmHoursWarning,
    @DefaultValue("15") int publicAcceptDays,
    @DefaultValue("60") int publicCloseDays,
    @DefaultValue("15") int defaultDays,
    @DefaultValue("") List<String> typeDays,
    @DefaultValue("30") int maxExtensionDays,
    @DefaultValue("3") int superviseAfterDays,
    @DefaultValue("24") int dueSoonHours,
    @DefaultValue("10MB") DataSize photoMaxSize,
    @DefaultValue("6") int maxPhotos,
    @DefaultValue("2048") int photoMaxSide,
    @DefaultValue("") List<String> webhooks) {}
