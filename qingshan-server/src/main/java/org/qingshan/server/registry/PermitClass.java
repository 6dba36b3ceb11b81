package org.qingshan.server.registry;

/** 排污许可管理类别: 重点管理, 简化管理, 登记管理. */
public enum PermitClass {
  KEY,
  SIMPLIFIED,
  REGISTERED
}
