package org.qingshan.server.registry;

/** 重点排污单位 categories: 水, 大气, 土壤, 噪声, 环境风险. */
public enum KeyPolluterCategory {
  WATER,
  AIR,
  SOIL,
  NOISE,
  RISK
}
