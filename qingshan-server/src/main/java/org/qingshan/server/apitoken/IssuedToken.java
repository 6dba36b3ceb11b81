package org.qingshan.server.apitoken;

/** A token just issued: the secret, shown to the administrator this once, and its record. */
public record IssuedToken(String secret, ApiToken token) {
  @Override
  public String toString() {
    return "IssuedToken[" + token.label() + "…]";
  }
}
