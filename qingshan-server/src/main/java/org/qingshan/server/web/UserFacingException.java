package org.qingshan.server.web;

import java.util.List;

/**
 * A rule the user broke, told back in their language: the message is a bundle key and its
 * arguments, never an internal text.
 */
public class UserFacingException extends RuntimeException {
  private final String messageKey;
  private final List<Object> arguments;

  public UserFacingException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }
}
