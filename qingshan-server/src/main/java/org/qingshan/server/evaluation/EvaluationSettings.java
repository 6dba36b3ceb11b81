package org.qingshan.server.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 评估 ({@code qingshan.evaluation.*}).
 *
 * @param font a CJK TrueType/OpenType font (.ttf, .otf, .ttc) embedded in the PDF; blank: the first
 *     CJK font found under /usr/share/fonts, TrueType outlines (WenQuanYi, Droid Sans Fallback, AR
 *     PL UMing: embedded as a subset) before Noto CJK (CFF: embedded whole, a far larger PDF)
 * @param onTimeWeight weight of a department's on-time share (tasks neither overdue nor behind)
 * @param completionWeight weight of a department's completion share (tasks done)
 */
@ConfigurationProperties("qingshan.evaluation")
public record EvaluationSettings(
    @DefaultValue("") String font,
    @DefaultValue("60") int onTimeWeight,
    @DefaultValue("40") int completionWeight) {}
