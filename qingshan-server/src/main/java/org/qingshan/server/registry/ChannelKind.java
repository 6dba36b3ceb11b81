package org.qingshan.server.registry;

/**
 * What a facility channel reports: a meter's power, current or energy (ST=44), or a state (ST=45).
 */
public enum ChannelKind {
  POWER,
  CURRENT,
  ENERGY,
  STATE
}
