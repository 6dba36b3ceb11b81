package org.qingshan.server.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DepartmentTreeTest {
  private static Department d(long id, Long parent, String name, int order) {
    return new Department(
        id, Optional.ofNullable(parent), name, DepartmentKind.DEPARTMENT, order, Optional.empty());
  }

  private final DepartmentTree tree =
      new DepartmentTree(
          List.of(
              d(1, null, "县政府", 0),
              d(3, 1L, "青山镇", 2),
              d(2, 1L, "县住建局", 1),
              d(4, 3L, "青山村", 0),
              d(5, 99L, "孤儿单位", 9)));

  @Test
  void nodesAreDepthFirstInSortOrderWithPaths() {
    assertThat(tree.nodes())
        .extracting(DepartmentTree.Node::path)
        .containsExactly("县政府", "县政府 / 县住建局", "县政府 / 青山镇", "县政府 / 青山镇 / 青山村", "孤儿单位");
    assertThat(tree.nodes()).extracting(DepartmentTree.Node::depth).containsExactly(0, 1, 1, 2, 0);
  }

  @Test
  void subtreeHoldsTheDepartmentAndEverythingBelow() {
    assertThat(tree.subtreeIds(3)).containsExactlyInAnyOrder(3L, 4L);
    assertThat(tree.subtreeIds(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    assertThat(tree.subtreeIds(42)).isEmpty();
  }

  @Test
  void pathOfNamesTheWayFromTheRoot() {
    assertThat(tree.pathOf(4)).isEqualTo("县政府 / 青山镇 / 青山村");
  }
}
