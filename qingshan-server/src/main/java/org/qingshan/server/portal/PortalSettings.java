package org.qingshan.server.portal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The enterprise portal's uploads.
 *
 * @param explanationMaxSize the largest explanation of an alarm with its files (the whole request)
 * @param explanationMaxFiles files one explanation carries at most
 * @param explanationFileTypes the kinds of file taken, by extension; each file's first bytes must
 *     match its extension, so a renamed program is refused
 */
@ConfigurationProperties("qingshan.portal")
public record PortalSettings(
    @DefaultValue("10MB") DataSize explanationMaxSize,
    @DefaultValue("5") int explanationMaxFiles,
    @DefaultValue({"pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"})
        List<String> explanationFileTypes) {}
