/** Surface water quality per GB 3838—2002 and the evaluation method 环办〔2011〕22号. */
package org.qingshan.standards.water;
