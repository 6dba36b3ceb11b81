package org.qingshan.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links for the pager and the export button that keep the current search, used from templates as
 * {@code @pageLinks}. Links are paths, not absolute URLs, so they stay right behind a proxy.
 */
@Component("pageLinks")
public class PageLinks {

  public String toPage(int page) {
    HttpServletRequest request = currentRequest();
    return UriComponentsBuilder.fromPath(request.getRequestURI())
        .query(request.getQueryString())
        .replaceQueryParam("page", page)
        .build()
        .toUriString();
  }

  /** The export URL of the current list: its path plus {@code /export}, the search kept. */
  public String export() {
    HttpServletRequest request = currentRequest();
    return UriComponentsBuilder.fromPath(request.getRequestURI().replaceAll("/$", "") + "/export")
        .query(request.getQueryString())
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
