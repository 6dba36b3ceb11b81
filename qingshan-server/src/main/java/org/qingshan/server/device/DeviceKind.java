package org.qingshan.server.device;

/** What a device monitors; labels live in the message bundle. */
public enum DeviceKind {
  STACK_GAS,
  WASTE_WATER,
  SEWAGE_PLANT,
  SURFACE_WATER,
  AMBIENT_AIR,
  DUST,
  NOISE,
  /** An enterprise's electricity meter on production and treatment facilities (ST=44). */
  ELECTRICITY,
  /** Key production conditions (ST=45). */
  PRODUCTION_STATE,
  OTHER
}
