package org.qingshan.server.department;

import java.text.Normalizer;

/**
 * The form under which names are compared: documents mix full- and half-width characters, spaces
 * from page breaks and trailing 等, none of which make a different department.
 */
public final class DepartmentNames {
  private DepartmentNames() {}

  public static String normalize(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
    n = n.replaceAll("[\\s\\u3000]+", "");
    n = n.replaceAll("[等、,，;；]+$", "");
    return n;
  }
}
