package org.qingshan.server.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.department.DepartmentRepository;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.Permissions;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What every page of a case shows, for the bureau's page, the handler's phone page and the
 * enterprise portal alike: the case, its steps, how its deadline stands, and which steps the person
 * looking may take (allowed by the workflow, by {@link CaseAccess} and by the access rules of the
 * form's path, so a button is shown only where pressing it would work).
 */
@Component
public class CasePages {
  /**
   * The bureau's case page as a {@link org.qingshan.server.web.PageSection#page()}: features above
   * cases (public reports, grids) add their part of a case there.
   */
  public static final String SECTION = "case";

  private final CaseService service;
  private final CaseAccess access;
  private final CaseSettings settings;
  private final Permissions may;
  private final EnterpriseRepository enterprises;
  private final DepartmentRepository departments;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId zone;

  CasePages(
      CaseService service,
      CaseAccess access,
      CaseSettings settings,
      Permissions may,
      EnterpriseRepository enterprises,
      DepartmentRepository departments,
      Messages messages,
      Clock clock,
      ZoneId zone) {
    this.service = service;
    this.access = access;
    this.settings = settings;
    this.may = may;
    this.enterprises = enterprises;
    this.departments = departments;
    this.messages = messages;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * Puts the case (refused and audited when not the user's to read) and its steps in the model,
   * with the steps the user may take among those the paths name.
   */
  public CaseFile show(long id, Map<CaseAction, String> paths, Model model) {
    CaseFile c = service.get(id);
    model.addAttribute("c", c);
    model.addAttribute("steps", service.steps(id));
    model.addAttribute("deadlineState", deadlineState(c, OffsetDateTime.now(clock)));
    model.addAttribute("enterpriseName", c.enterpriseId().flatMap(this::enterpriseName).orElse(""));
    model.addAttribute("townName", c.townId().flatMap(this::departmentName).orElse(""));
    model.addAttribute("allowed", allowed(c, paths));
    return c;
  }

  /** {@code overdue}, {@code due-soon} (临期), {@code open} or {@code finished}. */
  public String deadlineState(CaseFile c, OffsetDateTime now) {
    if (c.status().finished()) {
      return "finished";
    }
    if (c.overdueAt(now)) {
      return "overdue";
    }
    return now.plusHours(settings.dueSoonHours()).isAfter(c.deadline()) ? "due-soon" : "open";
  }

  /** The codes ({@code accept}, {@code handle} …) of the steps the user may take on the case. */
  public Set<String> allowed(CaseFile c, Map<CaseAction, String> paths) {
    Set<String> codes = new LinkedHashSet<>();
    paths.forEach(
        (action, path) -> {
          if (CaseWorkflow.next(c.status(), action).isPresent()
              && access.mayTake(c, action)
              && may.post(path)) {
            codes.add(action.code());
          }
        });
    return codes;
  }

  public Optional<String> enterpriseName(long id) {
    return enterprises.findById(id).map(Enterprise::name);
  }

  public Optional<String> departmentName(long id) {
    return departments.findById(id).map(d -> d.name());
  }

  /** What a form sent with a step. */
  public static StepInput input(
      String text, Double lat, Double lng, List<MultipartFile> photos, Integer version) {
    return new StepInput(
        text,
        Optional.ofNullable(lat),
        Optional.ofNullable(lng),
        photos == null ? List.of() : photos,
        Optional.ofNullable(version));
  }

  /** A date typed on a form as the end of that day in the county. */
  public OffsetDateTime endOfDay(LocalDate date) {
    return date.atTime(LocalTime.of(23, 59)).atZone(zone).toOffsetDateTime();
  }

  /** A date and time typed on a form, in the county. */
  public OffsetDateTime at(LocalDateTime time) {
    return time.atZone(zone).toOffsetDateTime();
  }

  /** The text of an extension request: the date asked stays with the reason in the step. */
  public String extensionText(LocalDate until, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new UserFacingException("cases.text.required");
    }
    return messages.get("cases.extension.asked", until.toString(), reason == null ? "" : reason);
  }
}
