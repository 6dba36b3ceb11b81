package org.qingshan.server.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list and where it stands in the whole. */
public record PageResult<T>(List<T> items, long total, PageQuery query) {
  public PageResult {
    items = List.copyOf(items);
  }

  /** One page of a list held in memory. */
  public static <T> PageResult<T> slice(List<T> all, PageQuery wanted) {
    PageQuery query = wanted.within(all.size());
    int from = (int) Math.min((long) query.offset(), all.size());
    int to = (int) Math.min((long) query.offset() + query.size(), all.size());
    return new PageResult<>(all.subList(from, to), all.size(), query);
  }

  public int page() {
    return query.page();
  }

  public int totalPages() {
    return (int) Math.max(1, (total + query.size() - 1) / query.size());
  }

  public boolean hasPrevious() {
    return query.page() > 1;
  }

  public boolean hasNext() {
    return query.page() < totalPages();
  }

  public <R> PageResult<R> map(Function<T, R> mapper) {
    return new PageResult<>(items.stream().map(mapper).toList(), total, query);
  }
}
