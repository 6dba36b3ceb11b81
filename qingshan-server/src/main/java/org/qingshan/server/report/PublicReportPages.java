package org.qingshan.server.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.web.UserFacingException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The phone-sized public pages of 随手拍, without login: the report form (a pin on the offline map or
 * the phone's position) and following a tracking number. The number is posted, not put in a link,
 * so it stays out of browser histories and access logs.
 */
@Controller
class PublicReportPages {
  static final String FORM = "/public/report";
  static final String TRACK = "/public/track";
  private final ReportService reports;
  private final MapSettings map;
  private final ResourceLoader resources;

  PublicReportPages(ReportService reports, MapSettings map, ResourceLoader resources) {
    this.reports = reports;
    this.map = map;
    this.resources = resources;
  }

  @GetMapping(FORM)
  String form(Model model) {
    return form(model, null, null, null, null, null, null);
  }

  @PostMapping(FORM)
  String submit(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) List<MultipartFile> photos,
      @RequestParam(required = false) String lat,
      @RequestParam(required = false) String lng,
      @RequestParam(required = false) String phone,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      PublicReport r =
          reports.submit(
              new ReportForm(
                  text,
                  PublicReportApi.caseType(type),
                  photos == null ? new ArrayList<>() : photos,
                  number(lat),
                  number(lng),
                  Optional.ofNullable(phone)),
              request.getRemoteAddr());
      model.addAttribute("trackingNo", r.trackingNoGrouped());
      model.addAttribute("phoneGiven", r.phone().isPresent());
      return "report/submitted";
    } catch (UserFacingException e) {
      response.setStatus(
          e instanceof ReportLimitedException
              ? HttpStatus.TOO_MANY_REQUESTS.value()
              : HttpStatus.BAD_REQUEST.value());
      return form(model, e, text, type, lat, lng, phone);
    }
  }

  @GetMapping(TRACK)
  String track(Model model) {
    model.addAttribute("settings", reports.settings());
    return "report/track";
  }

  @PostMapping(TRACK)
  String track(
      @RequestParam(required = false) String no,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("settings", reports.settings());
    model.addAttribute("no", no);
    try {
      PublicReport r = reports.track(no, request.getRemoteAddr());
      model.addAttribute("status", r.status());
      model.addAttribute("answer", r.publicAnswer().orElse(null));
    } catch (UserFacingException e) {
      response.setStatus(
          e instanceof ReportLimitedException
              ? HttpStatus.TOO_MANY_REQUESTS.value()
              : e.messageKey().endsWith("not-found")
                  ? HttpStatus.NOT_FOUND.value()
                  : HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
    }
    return "report/track";
  }

  /** The county outline of the map page, for the public pin map (the map page needs a login). */
  @GetMapping(FORM + "/outline.geojson")
  ResponseEntity<byte[]> outline() throws IOException {
    String location = map.outline();
    Resource resource =
        resources.getResource(location.contains(":") ? location : "file:" + location);
    if (!resource.exists()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = resource.getInputStream()) {
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noCache())
          .contentType(MediaType.parseMediaType("application/geo+json"))
          .body(in.readAllBytes());
    }
  }

  private String form(
      Model model,
      UserFacingException error,
      String text,
      String type,
      String lat,
      String lng,
      String phone) {
    ReportSettings s = reports.settings();
    model.addAttribute("settings", s);
    model.addAttribute("maxBytes", s.maxRequestSize().toBytes());
    model.addAttribute("maxMegabytes", s.maxRequestSize().toMegabytes());
    model.addAttribute("types", ReportChoices.TYPES);
    model.addAttribute("tileUrl", map.tileUrl());
    model.addAttribute("tileAttribution", map.tileAttribution());
    model.addAttribute("error", error);
    model.addAttribute("text", text);
    model.addAttribute("type", type);
    model.addAttribute("lat", lat);
    model.addAttribute("lng", lng);
    model.addAttribute("phone", phone);
    return "report/form";
  }

  private static Optional<Double> number(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(value.trim()));
    } catch (NumberFormatException e) {
      throw new UserFacingException("report.location.invalid");
    }
  }
}
