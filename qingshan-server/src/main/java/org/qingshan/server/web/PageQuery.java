package org.qingshan.server.web;

/** Which page of a list is wanted, 1-based as shown on screen. */
public record PageQuery(int page, int size) {
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  /** Far beyond any list; keeps the offset an int for any size. */
  public static final int MAX_PAGE = 10_000;

  /** Everything up to this many rows on one page: exports. */
  public static final PageQuery EXPORT = new PageQuery(1, 100_000);

  public PageQuery {
    page = Math.max(1, Math.min(page, MAX_PAGE));
    size = size <= 0 ? DEFAULT_SIZE : size;
  }

  /** From request parameters: out-of-range values are clamped so a hand-edited URL never fails. */
  public static PageQuery of(Integer page, Integer size) {
    int s = size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    return new PageQuery(page == null ? 1 : page, s);
  }

  /**
   * This query held to the pages a list of {@code total} rows has: a bookmarked or hand-edited
   * {@code ?page=99} of an 8-page list shows page 8, never "第 99/8 页" over an empty table.
   */
  public PageQuery within(long total) {
    long last = Math.max(1, (total + size - 1) / size);
    return page <= last ? this : new PageQuery((int) last, size);
  }

  public int offset() {
    return (page - 1) * size;
  }
}
