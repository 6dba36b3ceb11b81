package org.qingshan.server.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search of a list page: optional filters become a WHERE clause with named parameters, then one
 * page and the total are read. Values always travel as parameters, never in the SQL text.
 */
public final class PagedSearch {
  /** Stated in every LIKE: PostgreSQL and H2 agree on it, and nothing else is assumed. */
  private static final char LIKE_ESCAPE = '\\';

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  /** A free-text search: any of the columns contains the text, case-insensitively. */
  public PagedSearch text(Optional<String> text, String... columns) {
    return textOr(text, Map.of(), columns);
  }

  /**
   * A free-text search that also matches rows whose coded column holds one of the given codes: the
   * codes whose names contain the text, so that a user who types a name finds rows stored by code.
   */
  public PagedSearch textOr(
      Optional<String> text, Map<String, ? extends Collection<String>> codes, String... columns) {
    text.ifPresent(
        t -> {
          List<String> any = new ArrayList<>();
          for (String c : columns) {
            any.add("LOWER(" + c + ") LIKE :text ESCAPE '" + LIKE_ESCAPE + "'");
          }
          codes.forEach(
              (column, values) -> {
                if (!values.isEmpty()) {
                  String name = "p" + params.size();
                  any.add(column + " IN (:" + name + ")");
                  params.put(name, values);
                }
              });
          conditions.add("(" + String.join(" OR ", any) + ")");
          params.put("text", "%" + literal(t.toLowerCase(Locale.ROOT)) + "%");
        });
    return this;
  }

  /**
   * The text as LIKE reads it literally: {@code %} and {@code _} are characters a user searches for
   * (50%, a_b), not wildcards that make the database try every split of a long value.
   */
  static String literal(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
        sb.append(LIKE_ESCAPE);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** {@code column = value} when a value is given. */
  public PagedSearch equal(String column, Optional<?> value) {
    value.ifPresent(
        v -> {
          String name = "p" + params.size();
          conditions.add(column + " = :" + name);
          params.put(name, v instanceof Enum<?> e ? e.name() : v);
        });
    return this;
  }

  /** {@code column IN (ids)} when a list is given; an empty list matches nothing. */
  public PagedSearch in(String column, Optional<? extends Collection<?>> ids) {
    ids.ifPresent(
        list -> {
          if (list.isEmpty()) {
            conditions.add("1 = 0");
          } else {
            String name = "p" + params.size();
            conditions.add(column + " IN (:" + name + ")");
            params.put(name, list);
          }
        });
    return this;
  }

  /** Any other condition, with its parameter. */
  public PagedSearch condition(String sql, String param, Object value) {
    conditions.add(sql);
    params.put(param, value);
    return this;
  }

  /** A condition with several parameters. */
  public PagedSearch condition(String sql, Map<String, ?> values) {
    conditions.add(sql);
    params.putAll(values);
    return this;
  }

  /** A condition without parameters. */
  public PagedSearch condition(String sql) {
    conditions.add(sql);
    return this;
  }

  public <T> PageResult<T> page(
      JdbcClient jdbc,
      String columns,
      String table,
      String orderBy,
      RowMapper<T> mapper,
      PageQuery wanted) {
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM " + table + where).params(params).query(Long.class).single();
    PageQuery page = wanted.within(total);
    List<T> items =
        jdbc.sql(
                "SELECT "
                    + columns
                    + " FROM "
                    + table
                    + where
                    + " ORDER BY "
                    + orderBy
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(mapper)
            .list();
    return new PageResult<>(items, total, page);
  }
}
