package org.qingshan.server.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.cases.StepInput;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 随手拍: takes a report from anyone within the limits, opens its case in the same transaction (a
 * refused photo leaves nothing behind: no report, no case, no file), and answers a tracking number
 * with where the case stands and, once finished, the bureau's answer; nothing else of the report.
 */
@Service
public class ReportService {
  /** Who opened a case from the public, in its steps and the audit log. */
  public static final String PUBLIC = "public";

  private final ReportRepository reports;
  private final CaseService cases;
  private final ReportSettings settings;
  private final ReportAddresses addresses;
  private final ReportLookups lookups;
  private final ReportTowns towns;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Map<String, Instant> floods = new ConcurrentHashMap<>();

  ReportService(
      ReportRepository reports,
      CaseService cases,
      ReportSettings settings,
      ReportAddresses addresses,
      ReportLookups lookups,
      ReportTowns towns,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.reports = reports;
    this.cases = cases;
    this.settings = settings;
    this.addresses = addresses;
    this.lookups = lookups;
    this.towns = towns;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Takes a report from a client address; returns it with its new tracking number. The limits are
   * checked before the transaction, so that a refusal's audit entry is kept.
   */
  public PublicReport submit(ReportForm form, String address) {
    validate(form);
    Optional<String> phone = form.phone().map(ReportService::phone);
    String addressHash = addresses.hash(address);
    OffsetDateTime now = OffsetDateTime.now(clock);
    try {
      checkLimits(addressHash, phone, now);
    } catch (ReportLimitedException e) {
      recordFlood(address, addressHash, e, now);
      throw e;
    }
    return transactions.execute(status -> store(form, phone, addressHash, now));
  }

  private PublicReport store(
      ReportForm form, Optional<String> phone, String addressHash, OffsetDateTime now) {
    double lat = form.lat().orElseThrow();
    double lng = form.lng().orElseThrow();
    NewCase c =
        NewCase.of(
                title(form.text()),
                form.type().orElse(CaseType.OTHER),
                CaseSource.PUBLIC_REPORT,
                Severity.MINOR,
                form.text())
            .withPlace(
                String.format(Locale.ROOT, "%.5f, %.5f", lat, lng),
                Optional.of(lat),
                Optional.of(lng));
    Optional<Long> town = towns.townOf(lat, lng);
    if (town.isPresent()) {
      c = c.withTown(town.get());
    }
    CaseFile opened =
        cases.open(
            c,
            PUBLIC,
            new StepInput(form.text(), form.lat(), form.lng(), form.photos(), Optional.empty()));
    String trackingNo = TrackingNumbers.next();
    while (reports.trackingNoTaken(trackingNo)) {
      trackingNo = TrackingNumbers.next();
    }
    long id =
        reports.insert(
            trackingNo, form.text(), phone, form.lat(), form.lng(), addressHash, now, opened.id());
    // Neither the tracking number nor the phone goes into the log: it is read by more people.
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("caseNo", opened.caseNo());
    state.put("phone", phone.isPresent());
    state.put("photos", form.photos().size());
    audit.recordAs(
        PUBLIC,
        AuditAction.CREATE,
        ReportLookups.ENTITY,
        id,
        "随手拍 " + opened.caseNo(),
        Optional.empty(),
        Optional.of(state));
    return reports.findById(id).orElseThrow();
  }

  /**
   * The report of a tracking number asked from a client address; unknown ones count towards the
   * address's limit ({@code report.lookup.limited}, 429) and are {@code report.not-found}.
   */
  public PublicReport track(String typed, String address) {
    lookups.checkAllowed(address);
    Optional<PublicReport> found =
        TrackingNumbers.normalize(typed).flatMap(reports::findByTrackingNo);
    if (found.isEmpty()) {
      lookups.missed(address, typed == null ? "" : typed);
      throw new UserFacingException("report.not-found");
    }
    return found.get();
  }

  /** The bureau's list (admin, dispatcher: the access rules let no one else open it). */
  public PageResult<PublicReport> search(ReportSearch search, PageQuery page) {
    return reports.search(search, page);
  }

  public PublicReport get(long id) {
    return reports.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  /** The report that opened a case, for the case's page. */
  public Optional<PublicReport> ofCase(long caseId) {
    return reports.findByCase(caseId);
  }

  /** Whether any report was ever taken (the demo adds its own only to an empty list). */
  public boolean anyReports() {
    return reports.count() > 0;
  }

  public ReportSettings settings() {
    return settings;
  }

  /**
   * A flood is on the record once per address and hour (not per refused request, which would let a
   * flood fill the log instead).
   */
  private void recordFlood(
      String address, String addressHash, ReportLimitedException e, OffsetDateTime now) {
    Instant last = floods.get(addressHash);
    if (last != null && last.isAfter(now.toInstant().minus(Duration.ofHours(1)))) {
      return;
    }
    if (floods.size() > 10_000) {
      floods.clear();
    }
    floods.put(addressHash, now.toInstant());
    audit.recordFromAddress(
        address,
        AuditAction.SECURITY_ALERT,
        ReportLookups.ENTITY,
        null,
        "随手拍提交过于频繁，已拒绝",
        Optional.of(Map.of("limit", e.messageKey())));
  }

  private void checkLimits(String addressHash, Optional<String> phone, OffsetDateTime now) {
    if (reports.countByAddressSince(addressHash, now.minusHours(1))
        >= settings.perAddressPerHour()) {
      throw new ReportLimitedException("report.limit.address-hour", settings.perAddressPerHour());
    }
    if (reports.countByAddressSince(addressHash, now.minusDays(1)) >= settings.perAddressPerDay()) {
      throw new ReportLimitedException("report.limit.address-day", settings.perAddressPerDay());
    }
    if (phone.isPresent()) {
      if (reports.countByPhoneSince(phone.get(), now.minusHours(1)) >= settings.perPhonePerHour()) {
        throw new ReportLimitedException("report.limit.phone-hour", settings.perPhonePerHour());
      }
      if (reports.countByPhoneSince(phone.get(), now.minusDays(1)) >= settings.perPhonePerDay()) {
        throw new ReportLimitedException("report.limit.phone-day", settings.perPhonePerDay());
      }
    }
  }

  private void validate(ReportForm form) {
    if (form.text().isEmpty()) {
      throw new UserFacingException("report.text.required");
    }
    if (form.text().length() > settings.maxTextLength()) {
      throw new UserFacingException("report.text.size", settings.maxTextLength());
    }
    if (form.lat().isEmpty() || form.lng().isEmpty()) {
      throw new UserFacingException("report.location.required");
    }
    double lat = form.lat().get();
    double lng = form.lng().get();
    if (!Double.isFinite(lat)
        || !Double.isFinite(lng)
        || Math.abs(lat) > 90
        || Math.abs(lng) > 180) {
      throw new UserFacingException("report.location.invalid");
    }
    if (form.photos().size() > settings.maxPhotos()) {
      throw new UserFacingException("report.photos.too-many", settings.maxPhotos());
    }
  }

  /** Digits only (a leading + kept), so that one number written two ways counts once. */
  static String phone(String typed) {
    String p = typed.replaceAll("[\\s\\-()]", "");
    if (!p.matches("\\+?\\d{5,15}")) {
      throw new UserFacingException("report.phone.invalid");
    }
    return p;
  }

  private static String title(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return "随手拍：" + (line.length() > 30 ? line.substring(0, 30) + "…" : line);
  }
}
