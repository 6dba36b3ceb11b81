package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageResultTest {
  @Test
  void requestValuesAreClamped() {
    assertThat(PageQuery.of(-3, 0)).isEqualTo(new PageQuery(1, PageQuery.DEFAULT_SIZE));
    assertThat(PageQuery.of(2, 100_000).size()).isEqualTo(PageQuery.MAX_SIZE);
    assertThat(PageQuery.of(3, 10).offset()).isEqualTo(20);
  }

  @Test
  void pagesAreCountedFromTheTotal() {
    PageResult<String> p = new PageResult<>(List.of("a"), 41, new PageQuery(3, 20));
    assertThat(p.totalPages()).isEqualTo(3);
    assertThat(p.hasPrevious()).isTrue();
    assertThat(p.hasNext()).isFalse();
    assertThat(new PageResult<>(List.of(), 0, new PageQuery(1, 20)).totalPages()).isEqualTo(1);
  }
}
