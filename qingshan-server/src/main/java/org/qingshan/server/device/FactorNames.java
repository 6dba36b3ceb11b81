package org.qingshan.server.device;

import org.qingshan.server.web.Messages;
import org.springframework.stereotype.Component;

/** Chinese names of HJ 212 factor codes, used from templates as {@code @factorNames}. */
@Component("factorNames")
public class FactorNames {
  private final Messages messages;

  FactorNames(Messages messages) {
    this.messages = messages;
  }

  /** "二氧化硫 (a21026)", or the code alone for one the table does not know. */
  public String label(String code) {
    String name = messages.getOrElse(code, code);
    return name.equals(code) ? code : name + " (" + code + ")";
  }
}
