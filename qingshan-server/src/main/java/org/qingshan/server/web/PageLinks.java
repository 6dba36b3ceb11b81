package org.qingshan.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links for the pager and the export button that keep the current search, used from templates as
 * {@code @pageLinks}.
 */
@Component("pageLinks")
public class PageLinks {

  public String toPage(int page) {
    return ServletUriComponentsBuilder.fromRequest(currentRequest())
        .replaceQueryParam("page", page)
        .build()
        .toUriString();
  }

  /** The export URL of the current list: its path plus {@code /export}, the search kept. */
  public String export() {
    HttpServletRequest request = currentRequest();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return ServletUriComponentsBuilder.fromRequest(request)
        .replacePath(request.getContextPath() + path.replaceAll("/$", "") + "/export")
        .replaceQueryParam("page")
        .replaceQueryParam("size")
        .build()
        .toUriString();
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }
}
