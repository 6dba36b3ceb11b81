package org.qingshan.server.registry;

import java.util.Optional;

/** An enterprise's 排放口 (DA001, DW001 …) and the emission standard that applies there. */
public record Outlet(
    long id,
    long enterpriseId,
    String code,
    String name,
    OutletKind kind,
    boolean main,
    Optional<String> emissionStandard,
    Optional<Double> longitude,
    Optional<Double> latitude) {}
