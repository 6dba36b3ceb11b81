/** The {@code qingshan aqi} and {@code qingshan water} batch commands (CSV in, CSV out). */
package org.qingshan.standards.cli;
