package org.qingshan.server.ingest;

import org.qingshan.hj212.packet.Packet;

/**
 * The HJ 212-2025 heartbeat (CN=9015, {@code CP=&&&&}): it keeps a device online and heard, but it
 * is not data, so nothing of it is stored and it answers no command.
 */
public final class Heartbeat {
  public static final String CN = "9015";

  private Heartbeat() {}

  public static boolean is(Packet packet) {
    return packet.cn().equals(CN);
  }
}
