package org.qingshan.server.plandispatch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A refused form on the review, projects and task pages (a wrong date, an unknown unit, a figure
 * that is not a number) sends the user back to the page they came from with the refusal above it,
 * not to the bare error page with only a link home. Pages themselves (GET) still get the error
 * page.
 */
@ControllerAdvice(assignableTypes = {PlanReviewController.class, AssignedTargetController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewFormErrors {
  private static final Logger log = LoggerFactory.getLogger(ReviewFormErrors.class);

  @ExceptionHandler(UserFacingException.class)
  ModelAndView refused(
      UserFacingException e, HttpServletRequest request, HttpServletResponse response) {
    log.info("rejected: {}", e.messageKey());
    Optional<String> back =
        "POST".equals(request.getMethod()) ? sameSite(request) : Optional.empty();
    if (back.isPresent() && !e.messageKey().endsWith("not-found")) {
      RequestContextUtils.getOutputFlashMap(request).put("flashError", e);
      return new ModelAndView("redirect:" + back.get());
    }
    HttpStatus status =
        e.messageKey().endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    response.setStatus(status.value());
    ModelAndView page = new ModelAndView("error");
    page.addObject("status", status.value());
    page.addObject("messageKey", e.messageKey());
    page.addObject("messageArgs", e.arguments());
    return page;
  }

  /** The page the form was on, when it is one of ours under /dispatch (a path, never a host). */
  private static Optional<String> sameSite(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(referer);
      if (uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
        return Optional.empty();
      }
      String path = uri.getRawPath();
      if (path == null || !path.startsWith(request.getContextPath() + "/dispatch/")) {
        return Optional.empty();
      }
      String rest = path.substring(request.getContextPath().length());
      return Optional.of(uri.getRawQuery() == null ? rest : rest + "?" + uri.getRawQuery());
    } catch (IllegalArgumentException ex) {
      return Optional.empty();
    }
  }
}
