package org.qingshan.server.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 集中治理: starting and changing campaigns and putting cases in them, by hand (case numbers) or by a
 * filter; every change audited in its transaction.
 */
@Service
public class CampaignService {
  static final String ENTITY = "campaign";

  /** At most this many cases named by hand at once. */
  static final int MAX_NAMED = 500;

  private final CampaignRepository repository;
  private final AnalysisRepository cases;
  private final DepartmentService departments;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;

  CampaignService(
      CampaignRepository repository,
      AnalysisRepository cases,
      DepartmentService departments,
      CurrentUser currentUser,
      AuditLog audit,
      Clock clock,
      ZoneId zone) {
    this.repository = repository;
    this.cases = cases;
    this.departments = departments;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.zone = zone;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  public LocalDate today() {
    return now().atZoneSameInstant(zone).toLocalDate();
  }

  public ZoneId zone() {
    return zone;
  }

  public PageResult<Campaign> search(Optional<String> text, PageQuery page) {
    return repository.search(text, now(), today(), page);
  }

  public Campaign get(long id) {
    return repository
        .find(id, now(), today())
        .orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  public PageResult<CaseFact> cases(long id, Optional<String> text, PageQuery page) {
    get(id);
    return repository.cases(id, text, page);
  }

  @Transactional
  public Campaign create(CampaignForm form) {
    departments.requireActiveIfGiven(Optional.ofNullable(form.departmentId()));
    long id = repository.insert(form, currentUser.require().getUsername(), now());
    Campaign c = get(id);
    audit.record(AuditAction.CREATE, ENTITY, id, c.name(), Optional.empty(), Optional.of(form));
    return c;
  }

  @Transactional
  public Campaign update(long id, CampaignForm form) {
    Campaign before = get(id);
    departments.requireActiveIfGiven(Optional.ofNullable(form.departmentId()));
    repository.update(id, form, now());
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        form.name(),
        Optional.of(CampaignForm.of(before)),
        Optional.of(form));
    return get(id);
  }

  /**
   * Adds the cases named by number (2026-0012) or id, separated by spaces, commas or new lines. A
   * name that is no case refuses them all, so nothing is added half-way.
   *
   * @return how many cases were new to the campaign
   */
  @Transactional
  public int addByNumbers(long id, String text) {
    Campaign c = get(id);
    List<String> tokens =
        Arrays.stream((text == null ? "" : text).split("[\\s,，、;；]+"))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
    if (tokens.isEmpty()) {
      throw new UserFacingException("campaign.cases.none-named");
    }
    if (tokens.size() > MAX_NAMED) {
      throw new UserFacingException("campaign.cases.too-many", MAX_NAMED);
    }
    Map<String, Long> found = repository.resolve(tokens);
    List<String> unknown = tokens.stream().filter(t -> !found.containsKey(t)).toList();
    if (!unknown.isEmpty()) {
      throw new UserFacingException("campaign.cases.unknown", String.join("、", unknown));
    }
    return add(c, new ArrayList<>(new LinkedHashSet<>(found.values())), Map.of("named", tokens));
  }

  /** Adds every case the filter takes; returns how many were new to the campaign. */
  @Transactional
  public int addByFilter(long id, CaseFilter filter) {
    Campaign c = get(id);
    Map<String, Object> how = new LinkedHashMap<>();
    how.put("from", filter.from().toString());
    how.put("to", filter.to().toString());
    filter.type().ifPresent(t -> how.put("type", t.name()));
    filter.town().ifPresent(t -> how.put("town", t));
    filter.industry().ifPresent(i -> how.put("industry", i));
    return add(c, cases.ids(filter), Map.of("filter", how));
  }

  @Transactional
  public void removeCase(long id, long caseId) {
    Campaign c = get(id);
    if (!repository.removeCase(id, caseId)) {
      throw new UserFacingException("error.not-found");
    }
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        c.name(),
        Optional.of(Map.of("case", caseId)),
        Optional.empty());
  }

  private int add(Campaign c, List<Long> ids, Map<String, Object> how) {
    int added = repository.addCases(c.id(), ids, currentUser.require().getUsername(), now());
    Map<String, Object> after = new LinkedHashMap<>(how);
    after.put("added", added);
    audit.record(
        AuditAction.UPDATE, ENTITY, c.id(), c.name(), Optional.empty(), Optional.of(after));
    return added;
  }
}
