/** AQI per HJ 633—2012 and HJ 633—2026: IAQI tables, special rules, rounding, publication. */
package org.qingshan.standards.aqi;
