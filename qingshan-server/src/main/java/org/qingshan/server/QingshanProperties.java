package org.qingshan.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qingshan.*}; every key is lower-case-with-dashes in configuration.
 *
 * @param demo whether this run is the demo ({@code ./qingshan demo}): seed the demo county
 * @param publicUrl the address printed at start-up for people to open
 * @param login login throttling
 * @param map the map page
 */
@ConfigurationProperties("qingshan")
public record QingshanProperties(
    @DefaultValue("false") boolean demo,
    @DefaultValue("") String publicUrl,
    @DefaultValue Login login,
    @DefaultValue Map map) {

  /**
   * @param maxFailures failed logins of one user name (or five times that from one address) that
   *     lock it
   * @param lockDuration how long a lock lasts, and the window in which failures are counted
   */
  public record Login(
      @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration) {}

  /**
   * @param tileUrl a tile server template such as an intranet or 天地图 URL; empty keeps the map
   *     offline on the county outline alone
   * @param tileAttribution the attribution the tile provider requires
   * @param outline the county outline as GeoJSON (a file path, or classpath: resource)
   */
  public record Map(
      @DefaultValue("") String tileUrl,
      @DefaultValue("") String tileAttribution,
      @DefaultValue("classpath:geo/demo-county.geojson") String outline) {}
}
