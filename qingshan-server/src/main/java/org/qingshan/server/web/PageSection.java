package org.qingshan.server.web;

import java.util.Map;
import java.util.Optional;

/**
 * A part of another feature's record page (the device page, 一企一档) that a feature contributes as a
 * bean, so that a page grows without its feature knowing the others: alarms, marks and loads show
 * themselves on the enterprise's page. The page renders each section's fragment, in order, with the
 * section's model as the variable {@code section}.
 */
public interface PageSection {
  /** The page: {@link #DEVICE}, {@link #ENTERPRISE} or {@link #HOME}. */
  String page();

  /** Where it stands on the page: lower first. */
  int order();

  /** The Thymeleaf fragment, as {@code "template :: fragment"}. */
  String fragment();

  /**
   * The section's model for the record {@code id} the page shows, for the user looking at it, or
   * empty where it has nothing to show them. The page has checked the user may see the record.
   */
  Optional<Map<String, Object>> model(long id);

  String DEVICE = "device";
  String ENTERPRISE = "enterprise";

  /**
   * The home page, below the tiles: a feature's overview for the user looking at it (there is no
   * record: the id is {@code 0}).
   */
  String HOME = "home";
}
