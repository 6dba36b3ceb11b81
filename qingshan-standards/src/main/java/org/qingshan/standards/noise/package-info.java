/** Environmental noise limits per GB 3096—2008. */
package org.qingshan.standards.noise;
