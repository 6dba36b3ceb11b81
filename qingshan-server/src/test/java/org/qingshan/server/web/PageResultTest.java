package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
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

  @Test
  void aPageBeyondTheEndIsTheLastPage() {
    PageResult<Integer> p =
        PageResult.slice(IntStream.range(0, 41).boxed().toList(), PageQuery.of(99, 20));
    assertThat(p.page()).isEqualTo(3);
    assertThat(p.items()).containsExactly(40);
    assertThat(PageQuery.of(99, 20).within(0).page()).isEqualTo(1);
    assertThat(PageQuery.of(2, 20).within(41)).isEqualTo(PageQuery.of(2, 20));
  }
}
