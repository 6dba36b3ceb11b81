/** Heavy-pollution warning levels from administrator-editable threshold tables. */
package org.qingshan.standards.warning;
