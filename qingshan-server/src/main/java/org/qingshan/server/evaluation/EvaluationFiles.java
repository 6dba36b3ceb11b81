package org.qingshan.server.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Checks an evaluation request's parameters and answers the document as an attachment. */
@Component
class EvaluationFiles {
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final EvaluationService service;
  private final EvaluationDocx docx;
  private final EvaluationPdf pdf;
  private final Messages messages;

  EvaluationFiles(
      EvaluationService service, EvaluationDocx docx, EvaluationPdf pdf, Messages messages) {
    this.service = service;
    this.docx = docx;
    this.pdf = pdf;
    this.messages = messages;
  }

  static EvaluationKind kind(String kind) {
    return EvaluationKind.ofCode(kind)
        .orElseThrow(
            () -> new UserFacingException("evaluation.kind.invalid", String.valueOf(kind)));
  }

  LocalDate date(String date) {
    if (date == null || date.isBlank()) {
      return service.today();
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new UserFacingException("evaluation.date.invalid", date);
    }
  }

  ResponseEntity<byte[]> file(long planId, String kind, String date, String format) {
    service.requireBureau();
    EvaluationKind k = kind(kind);
    LocalDate d = date(date);
    String f = format == null ? "" : format.strip();
    if (!f.equals("docx") && !f.equals("pdf")) {
      throw new UserFacingException("evaluation.format.invalid", String.valueOf(format));
    }
    EvaluationReport r = service.report(planId, k, d);
    byte[] body = f.equals("pdf") ? pdf.write(r) : docx.write(r);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.equals("pdf") ? "application/pdf" : DOCX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(EvaluationDocuments.fileName(messages, r, f), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(body);
  }
}
