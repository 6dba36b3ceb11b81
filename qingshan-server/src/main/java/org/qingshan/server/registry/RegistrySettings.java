package org.qingshan.server.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The registry's settings, {@code qingshan.registry.*}.
 *
 * @param importMaxSize the largest registry workbook an administrator may upload
 * @param importMaxRows the most rows a sheet of it may have
 */
@ConfigurationProperties("qingshan.registry")
public record RegistrySettings(
    @DefaultValue("10MB") DataSize importMaxSize, @DefaultValue("20000") int importMaxRows) {}
