package org.qingshan.server.registry;

/** 年许可排放量: the tonnes of a pollutant an enterprise may emit in a year. */
public record PermitTotal(long enterpriseId, String pollutant, double tonnes) {}
