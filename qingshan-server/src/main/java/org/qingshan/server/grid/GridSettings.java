package org.qingshan.server.grid;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Grids ({@code qingshan.grid.*}). The levels and patrol frequencies follow the reference's example
 * (承德: 一级 at least weekly, 二级 twice a week, 三级 every two days; at least two members per cell).
 *
 * @param levelNames the name of each level, from the county down; their number is the number of
 *     levels
 * @param patrolTimes patrols each level's members owe in {@code patrolDays} days
 * @param patrolDays the period of each level's patrol plan in days
 * @param minMembers a grid with fewer members is 无人 (uncovered) on the coverage page
 * @param recommendedMembers a grid with fewer members is shown with a warning
 * @param photoMaxSize the largest single photo taken
 * @param maxPhotos photos per check-in
 * @param photoMaxSide photos are scaled down to this many pixels on the longer side
 * @param uploadMaxSize the largest check-in request (all photos together)
 */
@ConfigurationProperties("qingshan.grid")
public record GridSettings(
    @DefaultValue({"一级网格（县）", "二级网格（乡镇、街道）", "三级网格（村、社区）"}) List<String> levelNames,
    @DefaultValue({"1", "2", "1"}) List<Integer> patrolTimes,
    @DefaultValue({"7", "7", "2"}) List<Integer> patrolDays,
    @DefaultValue("1") int minMembers,
    @DefaultValue("2") int recommendedMembers,
    @DefaultValue("10MB") DataSize photoMaxSize,
    @DefaultValue("6") int maxPhotos,
    @DefaultValue("2048") int photoMaxSide,
    @DefaultValue("20MB") DataSize uploadMaxSize) {

  public GridSettings {
    levelNames = List.copyOf(levelNames);
    patrolTimes = List.copyOf(patrolTimes);
    patrolDays = List.copyOf(patrolDays);
    if (levelNames.isEmpty()) {
      throw new IllegalArgumentException("qingshan.grid.level-names: at least one level");
    }
  }

  public int levels() {
    return levelNames.size();
  }

  /** The name of a level (1-based); a level beyond the configured names by its number. */
  public String levelName(int level) {
    return level >= 1 && level <= levelNames.size()
        ? levelNames.get(level - 1)
        : String.valueOf(level);
  }

  /** The patrol plan of a level; a level without one configured takes the lowest level's. */
  public PatrolPlan plan(int level) {
    int i = Math.max(0, level - 1);
    int times = patrolTimes.isEmpty() ? 1 : patrolTimes.get(Math.min(i, patrolTimes.size() - 1));
    int days = patrolDays.isEmpty() ? 7 : patrolDays.get(Math.min(i, patrolDays.size() - 1));
    return new PatrolPlan(level, Math.max(1, times), Math.max(1, days));
  }

  public List<PatrolPlan> plans() {
    return java.util.stream.IntStream.rangeClosed(1, levels()).mapToObj(this::plan).toList();
  }
}
