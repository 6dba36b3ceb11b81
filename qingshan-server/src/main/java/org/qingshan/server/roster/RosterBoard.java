package org.qingshan.server.roster;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the duty screen (报警台) shows of the roster: the shift now, who stands it, and the hand-over
 * notes it was given. Used from the duty screen's template as {@code @rosterBoard}, so the duty
 * screen includes one fragment and knows nothing else of the roster.
 */
@Component("rosterBoard")
public class RosterBoard {
  private final RosterService roster;

  RosterBoard(RosterService roster) {
    this.roster = roster;
  }

  /** The board at the server's time. */
  public Board now() {
    Optional<RosterService.OnDuty> onDuty = roster.onDutyAt(roster.now());
    List<HandoverNote> notes = onDuty.map(d -> roster.handedTo(d.slot())).orElse(List.of());
    return new Board(onDuty, notes, roster.acknowledgeable(notes));
  }

  /**
   * @param acknowledgeable per note, whether the user looking may acknowledge it
   */
  public record Board(
      Optional<RosterService.OnDuty> onDuty,
      List<HandoverNote> notes,
      List<Boolean> acknowledgeable) {}
}
