package org.qingshan.server.web;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A figure a feature shows on the home page, for the user looking at it. Features contribute tiles
 * as beans; the home page asks each, in order, and leaves out those that answer nothing.
 */
public interface DashboardTile {
  /** A tile at {@code order} whose content {@code tile} gives for the user looking at it. */
  static DashboardTile of(int order, Supplier<Optional<Tile>> tile) {
    return new DashboardTile() {
      @Override
      public int order() {
        return order;
      }

      @Override
      public Optional<Tile> tile() {
        return tile.get();
      }
    };
  }

  /** Where it stands: lower first. */
  int order();

  /** The tile for the current user, or empty where it has nothing to show them. */
  Optional<Tile> tile();

  /**
   * What a tile shows.
   *
   * @param labelKey the bundle key of its caption
   * @param value the figure
   * @param link the page it opens, if any
   */
  record Tile(String labelKey, String value, Optional<String> link) {
    public static Tile of(String labelKey, String value) {
      return new Tile(labelKey, value, Optional.empty());
    }

    public static Tile linked(String labelKey, String value, String link) {
      return new Tile(labelKey, value, Optional.of(link));
    }
  }
}
