package org.qingshan.server.registryapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.web.UserFacingException;
import org.springframework.http.HttpStatus;

/**
 * A request the JSON API refuses, with its status and the problems found. Problems are gathered
 * first ({@link #add}) so a client learns of every bad field at once, not one per attempt.
 */
class ApiProblem extends RuntimeException {
  /** A problem not yet put into words: a bundle key and its arguments. */
  record Entry(Optional<String> field, String messageKey, Object[] arguments) {}

  private final List<Entry> entries = new ArrayList<>();
  private HttpStatus status = HttpStatus.BAD_REQUEST;

  ApiProblem() {
    super(null, null, false, false);
  }

  static ApiProblem of(HttpStatus status, String field, String messageKey, Object... arguments) {
    return new ApiProblem().add(status, field, messageKey, arguments);
  }

  /** A refusal of the service the API hands its writes to, answered with the given status. */
  static ApiProblem from(UserFacingException refused, HttpStatus status, String field) {
    return of(status, field, refused.messageKey(), refused.arguments());
  }

  /** A problem with a field; a more serious status (404, 409) than the current one prevails. */
  ApiProblem add(HttpStatus status, String field, String messageKey, Object... arguments) {
    entries.add(new Entry(Optional.ofNullable(field), messageKey, arguments));
    if (this.status == HttpStatus.BAD_REQUEST) {
      this.status = status;
    }
    return this;
  }

  ApiProblem add(String field, String messageKey, Object... arguments) {
    return add(HttpStatus.BAD_REQUEST, field, messageKey, arguments);
  }

  boolean any() {
    return !entries.isEmpty();
  }

  void throwIfAny() {
    if (any()) {
      throw this;
    }
  }

  HttpStatus status() {
    return status;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }
}
