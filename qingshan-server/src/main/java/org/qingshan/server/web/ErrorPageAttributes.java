package org.qingshan.server.web;

import jakarta.servlet.ServletRequest;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Lets code that refuses a request before any controller (a filter, an access-denied handler) name
 * the message the error page shows, by request attributes, as controllers do with their model.
 */
@Component
public class ErrorPageAttributes extends DefaultErrorAttributes {
  private static final String KEY = ErrorPageAttributes.class.getName() + ".key";
  private static final String ARGS = ErrorPageAttributes.class.getName() + ".args";
  private final Messages messages;

  ErrorPageAttributes(Messages messages) {
    this.messages = messages;
  }

  /** The message the error page of this request shows instead of the status's general one. */
  public static void explain(ServletRequest request, String messageKey, Object... args) {
    request.setAttribute(KEY, messageKey);
    request.setAttribute(ARGS, args);
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object key = request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
    if (key instanceof String k) {
      attributes.put("messageKey", k);
      Object args = request.getAttribute(ARGS, RequestAttributes.SCOPE_REQUEST);
      Object[] arguments = args instanceof Object[] a ? a : new Object[0];
      attributes.put("messageArgs", arguments);
      // A program (JSON, the API) reads the message the page would show.
      attributes.put("message", messages.get(k, arguments));
    }
    return attributes;
  }
}
