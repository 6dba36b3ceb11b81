/** Which national rules are in force on a date, and the labels every result carries. */
package org.qingshan.standards.regime;
