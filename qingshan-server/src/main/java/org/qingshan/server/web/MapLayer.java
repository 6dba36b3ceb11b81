package org.qingshan.server.web;

/**
 * A layer a feature adds to the map, contributed as a bean: the map page fetches its GeoJSON points
 * and draws each as a circle, so the map grows without its feature knowing the others (the duty
 * screen's enterprises coloured by their alarms). Each feature's properties: {@code name}, {@code
 * color} (the circle's fill), {@code detail} (a line under the name) and {@code href} (a page the
 * name links to), all optional but the name. The map offers a layer only to users who may open its
 * URL.
 *
 * @param url the path of the layer's GeoJSON
 * @param labelKey the bundle key of the layer's name in the map's layer control
 */
public record MapLayer(String url, String labelKey) {}
