package org.qingshan.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * Turns a broken rule into an answer in the user's language; nothing internal is shown. A page gets
 * the error page; a request the scripts of a page make for data (a method answering with its body,
 * JSON) gets JSON, which is what they read.
 */
@ControllerAdvice
class WebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);
  private final Messages messages;

  WebExceptionHandler(Messages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(UserFacingException.class)
  ModelAndView userFacing(
      UserFacingException e, HandlerMethod handler, HttpServletResponse response) {
    log.info("rejected: {}", e.messageKey());
    HttpStatus status =
        e.messageKey().endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return answer(status, e.messageKey(), e.arguments(), handler, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView badParameter(HandlerMethod handler, HttpServletResponse response) {
    return answer(HttpStatus.BAD_REQUEST, "error.bad-request", new Object[0], handler, response);
  }

  private ModelAndView answer(
      HttpStatus status,
      String messageKey,
      Object[] arguments,
      HandlerMethod handler,
      HttpServletResponse response) {
    response.setStatus(status.value());
    if (answersWithBody(handler)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status.value());
      body.put("message", messages.get(messageKey, arguments));
      MappingJackson2JsonView json = new MappingJackson2JsonView();
      json.setExtractValueFromSingleKeyModel(true);
      return new ModelAndView(json, Map.of("error", body));
    }
    ModelAndView page = new ModelAndView("error");
    page.addObject("status", status.value());
    page.addObject("messageKey", messageKey);
    page.addObject("messageArgs", arguments);
    return page;
  }

  private static boolean answersWithBody(HandlerMethod handler) {
    return handler.hasMethodAnnotation(ResponseBody.class)
        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
  }
}
