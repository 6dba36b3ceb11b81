/** Air quality evaluation per HJ 663 with the GB 3095 limits of each stage. */
package org.qingshan.standards.air;
