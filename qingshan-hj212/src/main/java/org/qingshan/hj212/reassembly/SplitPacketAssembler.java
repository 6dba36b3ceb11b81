package org.qingshan.hj212.reassembly;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Split;

/**
 * Joins split packets (Flag.D with PNUM/PNO) back into one. Parts of one upload share MN, CN, PNUM
 * and DataTime; each has its own QN. Not thread-safe: use one per connection or lock.
 */
public final class SplitPacketAssembler {
  private final Duration timeout;
  private final Map<Key, Group> groups = new HashMap<>();

  /**
   * @param timeout how long an incomplete upload waits for its missing parts
   */
  public SplitPacketAssembler(Duration timeout) {
    this.timeout = timeout;
  }

  private record Key(String mn, String cn, int total, String dataTime) {}

  private static final class Group {
    final Packet[] parts;
    final Instant started;
    int received;

    Group(int total, Instant started) {
      this.parts = new Packet[total];
      this.started = started;
    }
  }

  /**
   * Offers a packet. A packet that is not split comes straight back; a part comes back joined with
   * the others once all have arrived, otherwise empty.
   */
  public Optional<Packet> offer(Packet packet, Instant now) {
    return offerParts(packet, now).map(Assembled::packet);
  }

  /**
   * A whole upload.
   *
   * @param packet the joined packet (or the packet itself when it was not split)
   * @param parts the packets it was made of, in PNO order; each needs its own answer
   */
  public record Assembled(Packet packet, List<Packet> parts) {}

  /** Like {@link #offer}, also giving the parts. */
  public Optional<Assembled> offerParts(Packet packet, Instant now) {
    Optional<Split> split = packet.split();
    if (split.isEmpty() || split.get().total() <= 1) {
      return Optional.of(new Assembled(packet, List.of(packet)));
    }
    Split s = split.get();
    if (s.number() < 1 || s.number() > s.total()) {
      return Optional.empty();
    }
    Key key =
        new Key(
            packet.mn(),
            packet.cn(),
            s.total(),
            packet.cp().dataTime().map(Object::toString).orElse(""));
    Group g = groups.computeIfAbsent(key, k -> new Group(s.total(), now));
    if (g.parts[s.number() - 1] == null) {
      g.received++;
    }
    g.parts[s.number() - 1] = packet; // a re-sent part replaces the earlier copy
    if (g.received < s.total()) {
      return Optional.empty();
    }
    groups.remove(key);
    return Optional.of(new Assembled(join(g.parts), List.of(g.parts)));
  }

  /** Removes incomplete uploads older than the timeout and returns their parts. */
  public List<Packet> expire(Instant now) {
    List<Packet> dropped = new ArrayList<>();
    for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
      Group g = it.next();
      if (Duration.between(g.started, now).compareTo(timeout) > 0) {
        for (Packet p : g.parts) {
          if (p != null) {
            dropped.add(p);
          }
        }
        it.remove();
      }
    }
    return dropped;
  }

  /** Number of uploads waiting for parts. */
  public int pending() {
    return groups.size();
  }

  private static Packet join(Packet[] parts) {
    StringBuilder cp = new StringBuilder();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (Packet p : parts) {
      String text = p.cp().text();
      if (!text.isEmpty()) {
        if (cp.length() > 0) {
          cp.append(';');
        }
        cp.append(text);
      }
      byte[] r = p.rawBytes();
      raw.write(r, 0, r.length);
      if (r.length > 0) {
        raw.write('\r');
        raw.write('\n');
      }
    }
    Packet first = parts[0];
    Packet.Builder b = first.toBuilder().noSplit();
    first.flag().ifPresent(f -> b.flag(Flag.of(f.versionBits(), false, f.replyRequested())));
    DataArea area =
        DataArea.parse(cp.toString())
            .orElseThrow(() -> new IllegalStateException("parts parsed alone but not together"));
    return b.cp(area).raw(raw.toByteArray()).build();
  }
}
