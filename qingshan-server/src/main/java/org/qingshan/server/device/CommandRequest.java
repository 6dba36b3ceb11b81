package org.qingshan.server.device;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.web.UserFacingException;

/** A command a dispatcher sends to a device from its page, with the values it needs. */
public record CommandRequest(
    CommandKind kind,
    Optional<Integer> interval,
    Optional<LocalDateTime> begin,
    Optional<LocalDateTime> end) {

  /** The packet for a device; a value out of the standard's range is told back to the user. */
  Packet toPacket(Commands commands, ZoneId zone) {
    return switch (kind) {
      case SET_TIME -> commands.setTime(LocalDateTime.now(zone).withNano(0));
      case GET_TIME -> commands.getTime(Optional.empty());
      case GET_REALTIME_INTERVAL -> commands.getRealtimeInterval();
      case SET_REALTIME_INTERVAL -> {
        int s = interval.orElseThrow(() -> new UserFacingException("command.error.interval"));
        if (s < 30 || s > 3600) {
          throw new UserFacingException("command.error.realtime-interval");
        }
        yield commands.setRealtimeInterval(s);
      }
      case GET_MINUTE_INTERVAL -> commands.getMinuteInterval();
      case SET_MINUTE_INTERVAL -> {
        int m = interval.orElseThrow(() -> new UserFacingException("command.error.interval"));
        if (m < 1 || m > 30 || 60 % m != 0) {
          throw new UserFacingException("command.error.minute-interval");
        }
        yield commands.setMinuteInterval(m);
      }
      case START_REALTIME -> commands.startRealtimeData();
      case STOP_REALTIME -> commands.stopRealtimeData();
      case HISTORY_MINUTE -> history(commands, Commands.HistoryKind.MINUTE);
      case HISTORY_HOUR -> history(commands, Commands.HistoryKind.HOUR);
      case HISTORY_DAY -> history(commands, Commands.HistoryKind.DAY);
    };
  }

  private Packet history(Commands commands, Commands.HistoryKind historyKind) {
    LocalDateTime from = begin.orElseThrow(() -> new UserFacingException("command.error.range"));
    LocalDateTime to = end.orElseThrow(() -> new UserFacingException("command.error.range"));
    if (!from.isBefore(to)) {
      throw new UserFacingException("command.error.range");
    }
    return commands.requestHistory(historyKind, from, to);
  }
}
