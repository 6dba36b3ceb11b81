package org.qingshan.server.mark;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Data marks ({@code qingshan.mark.*}).
 *
 * @param evidenceMaxSize the largest evidence upload (the whole request)
 * @param evidenceTypes the file types taken as evidence, by extension; each is also checked by its
 *     first bytes, so a renamed script is refused
 */
@ConfigurationProperties("qingshan.mark")
public record MarkSettings(
    @DefaultValue("10MB") DataSize evidenceMaxSize,
    @DefaultValue({"pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"})
        List<String> evidenceTypes) {}
