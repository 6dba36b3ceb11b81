package org.qingshan.server.registry;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.qingshan.server.support.TestEnterprises;
import org.qingshan.server.support.WebSession;

/** Valid credit codes, a new one each call, so tests sharing one server do not collide. */
final class Codes {

  private Codes() {}

  static String next() {
    return TestEnterprises.uniqueCreditCode().value();
  }

  /** A well-formed code with a wrong check character. */
  static String wrongCheck() {
    String good = next();
    char wrong = good.charAt(17) == '0' ? '1' : '0';
    return good.substring(0, 17) + wrong;
  }

  /** The page a redirect leads to, as the browser would show it. */
  static String follow(WebSession session, HttpResponse<String> redirect) {
    URI to = URI.create(WebSession.location(redirect));
    return session.get(to.getRawPath()).body();
  }

  /** Posts a form and follows its redirect, as the browser does, and returns that page. */
  static String submit(WebSession session, String path, Map<String, String> form) {
    HttpResponse<String> r = session.post(path, form);
    return r.statusCode() == 302 ? follow(session, r) : r.body();
  }
}
