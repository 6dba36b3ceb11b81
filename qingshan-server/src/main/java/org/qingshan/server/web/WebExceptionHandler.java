package org.qingshan.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns a broken rule into a page in the user's language; nothing internal is shown. */
@ControllerAdvice
class WebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

  @ExceptionHandler(UserFacingException.class)
  String userFacing(UserFacingException e, Model model, HttpServletResponse response) {
    log.info("rejected: {}", e.messageKey());
    HttpStatus status =
        e.messageKey().endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("messageKey", e.messageKey());
    model.addAttribute("messageArgs", e.arguments());
    return "error";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("status", 400);
    model.addAttribute("messageKey", "error.bad-request");
    model.addAttribute("messageArgs", new Object[0]);
    return "error";
  }
}
