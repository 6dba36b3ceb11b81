package org.qingshan.server.device;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map page's settings, {@code qingshan.map.*}.
 *
 * @param tileUrl a tile server template such as an intranet or 天地图 URL; empty keeps the map offline
 *     on the county outline alone
 * @param tileAttribution the attribution the tile provider requires
 * @param outline the county outline as GeoJSON (a file path, or classpath: resource)
 */
@ConfigurationProperties("qingshan.map")
public record MapSettings(
    @DefaultValue("") String tileUrl,
    @DefaultValue("") String tileAttribution,
    @DefaultValue("classpath:geo/demo-county.geojson") String outline) {}
