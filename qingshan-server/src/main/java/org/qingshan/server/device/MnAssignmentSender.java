package org.qingshan.server.device;

/**
 * Sends a logger its assigned MN (CN=1002: the header MN is the new MN, {@code CP=&&i23005-Info=
 * <serial>&&}) on the connection its CN=1001 came from. The gateway's HJ 212-2025 codec implements
 * it; until then the server's default sends nothing and the activation is shown as not sent.
 */
public interface MnAssignmentSender {
  /**
   * @return whether the request went out
   */
  boolean send(String serial, String assignedMn, String qn);
}
