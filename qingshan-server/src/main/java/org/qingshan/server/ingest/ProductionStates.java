package org.qingshan.server.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

/**
 * HJ 212-2025 key production conditions (ST=45, CN=2011): each {@code p…} code's mark ({@code
 * p99101-Rtd=St}), a word whose meaning is configuration, or a number. A mark that is no short word
 * is left out: marks reach the pages, and junk must not.
 */
public final class ProductionStates {
  private static final Pattern MARK = Pattern.compile("[0-9A-Za-z_.+-]{1,16}");
  private static final Pattern CODE = Pattern.compile("p[0-9A-Za-z]{1,31}");

  private ProductionStates() {}

  /** One code's mark. */
  public record Mark(String code, String mark) {}

  /** Whether a packet is real-time production states, stored as marks rather than values. */
  public static boolean is(Packet packet) {
    return packet.st().equals(CommandCode.ST_PRODUCTION_STATE)
        && packet.cn().equals(CommandCode.REALTIME_DATA);
  }

  /** The packet's well-formed marks, each code once (the first counts). */
  public static List<Mark> marks(Packet packet) {
    List<Mark> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FactorReading r : packet.cp().readings()) {
      if (!CODE.matcher(r.factor()).matches() || !seen.add(r.factor())) {
        continue;
      }
      Optional<String> mark = r.state().or(() -> number(r.value(Suffix.RTD)));
      mark.filter(m -> MARK.matcher(m).matches()).ifPresent(m -> out.add(new Mark(r.factor(), m)));
    }
    return out;
  }

  private static Optional<String> number(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble())
        ? Optional.of(DataArea.number(v.getAsDouble()))
        : Optional.empty();
  }
}
