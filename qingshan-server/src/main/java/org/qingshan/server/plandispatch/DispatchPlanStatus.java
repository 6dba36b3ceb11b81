package org.qingshan.server.plandispatch;

import java.util.Locale;

/**
 * Where a plan version stands: a draft only the bureau sees, published (liaisons see its tasks), or
 * replaced by a later published version (kept for the history).
 */
public enum DispatchPlanStatus {
  DRAFT,
  PUBLISHED,
  SUPERSEDED;

  /** The code the JSON API uses: draft, published, superseded. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
