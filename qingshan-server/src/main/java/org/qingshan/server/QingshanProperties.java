package org.qingshan.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qingshan.*} that are the application's rather than one feature's; every key
 * is lower-case-with-dashes in configuration. A feature keeps its own settings record beside its
 * code ({@code ingest.GatewaySettings}, {@code device.MapSettings}, {@code security.LoginSettings}
 * …).
 *
 * @param demo whether this run is the demo ({@code ./qingshan demo}): seed the demo county
 * @param publicUrl the address printed at start-up for people to open
 */
@ConfigurationProperties("qingshan")
public record QingshanProperties(
    @DefaultValue("false") boolean demo, @DefaultValue("") String publicUrl) {}
