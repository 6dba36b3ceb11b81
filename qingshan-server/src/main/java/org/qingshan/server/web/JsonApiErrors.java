package org.qingshan.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * A JSON API's refusals as {@link ApiErrors}: each problem with its field and a Chinese message,
 * nothing internal shown. A feature's API advises its own controllers with a subclass that names
 * its message keys and says which of its refusals are 404, 409 … and which field each is about.
 */
public abstract class JsonApiErrors {
  private static final Logger log = LoggerFactory.getLogger(JsonApiErrors.class);

  /**
   * The feature's messages for refusals that are not its own rules.
   *
   * @param denied another's record (the refusal was audited where it was made)
   * @param unreadable a body that is not the JSON or form expected
   * @param badParameter a parameter of the wrong type
   * @param required a parameter or part missing
   * @param tooLarge an upload above the container's limit
   */
  public record Keys(
      String denied, String unreadable, String badParameter, String required, String tooLarge) {}

  private final Messages messages;
  private final Keys keys;

  protected JsonApiErrors(Messages messages, Keys keys) {
    this.messages = messages;
    this.keys = keys;
  }

  /** The status of one of the feature's own refusals: 404 for keys ending in not-found. */
  protected HttpStatus status(String key) {
    return key.endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
  }

  /** The field one of the feature's own refusals is about, if any. */
  protected Optional<String> field(String key) {
    return Optional.empty();
  }

  /** The field an upload above the limit is reported on, if any. */
  protected Optional<String> uploadField() {
    return Optional.empty();
  }

  /** The arguments of the too-large message (the limit, where the message names it). */
  protected Object[] tooLargeArguments() {
    return new Object[0];
  }

  @ExceptionHandler(UserFacingException.class)
  ResponseEntity<ApiErrors> refused(UserFacingException e) {
    String key = e.messageKey();
    log.info("{} refused: {}", getClass().getSimpleName(), key);
    return answer(status(key), field(key), messages.get(key, e.arguments()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiErrors> denied(AccessDeniedException e) {
    return answer(HttpStatus.FORBIDDEN, Optional.empty(), messages.get(keys.denied()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiErrors> unreadable(HttpMessageNotReadableException e) {
    Optional<String> field =
        e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
            ? Optional.of(path(m))
            : Optional.empty();
    return answer(HttpStatus.BAD_REQUEST, field, messages.get(keys.unreadable()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiErrors> badParameter(MethodArgumentTypeMismatchException e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.of(e.getName()), messages.get(keys.badParameter()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiErrors> missing(MissingServletRequestParameterException e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.of(e.getParameterName()), messages.get(keys.required()));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiErrors> missingPart(MissingServletRequestPartException e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.of(e.getRequestPartName()), messages.get(keys.required()));
  }

  /** An upload above the container's limit: refused before any of it is stored. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiErrors> tooLarge(MaxUploadSizeExceededException e) {
    return answer(
        HttpStatus.PAYLOAD_TOO_LARGE,
        uploadField(),
        messages.get(keys.tooLarge(), tooLargeArguments()));
  }

  @ExceptionHandler({MultipartException.class, HttpMediaTypeNotSupportedException.class})
  ResponseEntity<ApiErrors> notMultipart(Exception e) {
    return answer(HttpStatus.BAD_REQUEST, Optional.empty(), messages.get(keys.unreadable()));
  }

  protected final String message(String key, Object... arguments) {
    return messages.get(key, arguments);
  }

  protected static ResponseEntity<ApiErrors> answer(
      HttpStatus status, Optional<String> field, String message) {
    return answer(status, List.of(new ApiErrors.Problem(field, message)));
  }

  protected static ResponseEntity<ApiErrors> answer(
      HttpStatus status, List<ApiErrors.Problem> errors) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiErrors(errors));
  }

  /** The field a JSON body went wrong at: {@code limits[0].value}. */
  public static String path(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
