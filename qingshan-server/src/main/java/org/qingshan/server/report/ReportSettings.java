package org.qingshan.server.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * 随手拍 ({@code qingshan.report.*}): the limits that protect a page open to anyone, shown on the page
 * so the public knows them.
 *
 * @param perAddressPerHour reports taken from one client address in an hour
 * @param perAddressPerDay … in a day (24 hours)
 * @param perPhonePerHour reports taken with one phone number in an hour
 * @param perPhonePerDay … in a day (24 hours)
 * @param lookupMisses unknown tracking numbers one address may ask within {@code lookupWindow}
 *     before its look-ups are refused (429) for the rest of the window
 * @param lookupWindow the window of {@code lookupMisses}
 * @param maxPhotos photos per report
 * @param maxRequestSize the largest report (all photos together), refused from its headers before
 *     the body is read; keep it below {@code spring.servlet.multipart.max-request-size}
 * @param maxTextLength the longest description
 */
@ConfigurationProperties("qingshan.report")
public record ReportSettings(
    @DefaultValue("5") int perAddressPerHour,
    @DefaultValue("20") int perAddressPerDay,
    @DefaultValue("3") int perPhonePerHour,
    @DefaultValue("10") int perPhonePerDay,
    @DefaultValue("10") int lookupMisses,
    @DefaultValue("10m") Duration lookupWindow,
    @DefaultValue("3") int maxPhotos,
    @DefaultValue("18MB") DataSize maxRequestSize,
    @DefaultValue("2000") int maxTextLength) {}
