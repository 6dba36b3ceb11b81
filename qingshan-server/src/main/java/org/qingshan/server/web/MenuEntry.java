package org.qingshan.server.web;

/**
 * One entry of the menu, contributed by its feature as a bean. Who sees it is not said here: an
 * entry shows to the users the access rules let open its page.
 *
 * @param labelKey the bundle key of the entry's text
 * @param path the page it opens
 * @param order where it stands: lower first (home 0, then 10, 20 … by feature)
 */
public record MenuEntry(String labelKey, String path, int order) {}
