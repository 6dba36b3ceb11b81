package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The class of one item, and how far it is above a reference class.
 *
 * @param multiple 超标倍数 (C − S) / S against the reference class limit, two decimals; empty when
 *     within the limit or for pH and DO, which have none
 */
public record ItemClass(
    WaterItem item, BigDecimal value, WaterClass waterClass, Optional<BigDecimal> multiple) {}
