package org.qingshan.server.grid;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 巡查打卡: the grid member's phone page (their grids with this week's plan, the check-in with
 * position, photos and findings), and the bureau's list of patrols with their photos.
 */
@Controller
class PatrolController {
  static final String PATH = "/m/patrol";
  private final PatrolService patrols;
  private final GridService grids;
  private final GridCoverage coverage;
  private final GridSettings settings;
  private final CurrentUser currentUser;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;

  PatrolController(
      PatrolService patrols,
      GridService grids,
      GridCoverage coverage,
      GridSettings settings,
      CurrentUser currentUser,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      Clock clock,
      ZoneId zone) {
    this.patrols = patrols;
    this.grids = grids;
    this.coverage = coverage;
    this.settings = settings;
    this.currentUser = currentUser;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
    this.zone = zone;
  }

  /** One of the member's grids with its plan and this week's patrols. */
  record MyGrid(
      Grid grid,
      String levelName,
      PatrolPlan plan,
      int due,
      int done,
      List<Enterprise> enterprises) {
    public boolean behind() {
      return done < due;
    }
  }

  @GetMapping(PATH)
  String page(Model model) {
    return phoneView(model);
  }

  private String phoneView(Model model) {
    QingshanPrincipal me = currentUser.require();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<MyGrid> mine = new ArrayList<>();
    for (Grid g : grids.gridsOf(me.userId())) {
      PatrolPlan plan = settings.plan(g.level());
      mine.add(
          new MyGrid(
              g,
              settings.levelName(g.level()),
              plan,
              plan.dueBy(today),
              coverage.doneThisWeek(g.id(), me.getUsername(), today),
              grids.enterprisesOf(g.id())));
    }
    Map<Long, String> names = new HashMap<>();
    mine.forEach(m -> names.put(m.grid().id(), m.grid().name()));
    model.addAttribute("grids", mine);
    model.addAttribute("gridNames", names);
    model.addAttribute("caseTypes", CaseType.values());
    model.addAttribute("maxPhotos", settings.maxPhotos());
    model.addAttribute(
        "recent", patrols.search(PatrolSearch.ofUser(me.getUsername()), new PageQuery(1, 10)));
    return "grid/patrol";
  }

  @PostMapping(PATH)
  String checkIn(
      @RequestParam(required = false) Long gridId,
      @RequestParam(required = false) String lat,
      @RequestParam(required = false) String lng,
      @RequestParam(required = false) String findings,
      @RequestParam(required = false) boolean problem,
      @RequestParam(required = false) CaseType caseType,
      @RequestParam(required = false) Long enterpriseId,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      if (gridId == null) {
        throw new UserFacingException("grid.patrol.grid.required");
      }
      PatrolService.CheckedIn done =
          patrols.checkIn(
              new PatrolInput(
                  gridId,
                  number(lat),
                  number(lng),
                  findings,
                  problem,
                  Optional.ofNullable(caseType),
                  Optional.ofNullable(enterpriseId),
                  photos));
      redirect.addFlashAttribute(
          "notice", done.opened().isPresent() ? "grid.patrol.saved-case" : "grid.patrol.saved");
      done.opened().ifPresent(c -> redirect.addFlashAttribute("openedCase", c));
      return "redirect:" + PATH;
    } catch (UserFacingException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("formError", e);
      model.addAttribute("findings", findings);
      return phoneView(model);
    }
  }

  private static Optional<Double> number(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      throw new UserFacingException("grid.patrol.location.invalid");
    }
  }

  @GetMapping("/grids/patrols")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long grid,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) boolean problems,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    var found = patrols.search(search(q, grid, user, from, to, problems), PageQuery.of(page, size));
    Map<Long, List<PatrolPhoto>> photos = new HashMap<>();
    found.items().forEach(p -> photos.put(p.id(), patrols.photos(p.id())));
    model.addAttribute("page", found);
    model.addAttribute("photos", photos);
    model.addAttribute("q", q);
    model.addAttribute("grid", grid);
    model.addAttribute("user", user);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("problems", problems);
    model.addAttribute("grids", grids.all());
    model.addAttribute("gridNames", gridNames());
    return "grid/patrols";
  }

  @GetMapping("/grids/patrols/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long grid,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) boolean problems,
      HttpServletResponse response)
      throws IOException {
    Map<Long, String> names = gridNames();
    List<List<?>> rows = new ArrayList<>();
    for (Patrol p :
        patrols.search(search(q, grid, user, from, to, problems), PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              p.id(),
              names.getOrDefault(p.gridId(), ""),
              p.username(),
              p.at(),
              p.lat().map(String::valueOf).orElse(""),
              p.lng().map(String::valueOf).orElse(""),
              p.findings(),
              messages.get(p.problem() ? "grid.patrol.problem.yes" : "grid.patrol.problem.no"),
              p.caseId().map(String::valueOf).orElse("")));
    }
    audit.recordExport(
        PatrolService.ENTITY, messages.get("grid.patrols"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("grid.patrols"),
        messages.all(
            "column.id",
            "grid.name",
            "grid.patrol.user",
            "grid.patrol.at",
            "grid.patrol.lat",
            "grid.patrol.lng",
            "grid.patrol.findings",
            "grid.patrol.problem",
            "grid.patrol.case"),
        rows);
  }

  private PatrolSearch search(
      String q, Long grid, String user, LocalDate from, LocalDate to, boolean problems) {
    return new PatrolSearch(
        SearchText.of(q),
        Optional.ofNullable(grid),
        SearchText.of(user),
        Optional.ofNullable(from).map(d -> d.atStartOfDay(zone).toOffsetDateTime()),
        Optional.ofNullable(to).map(d -> d.plusDays(1).atStartOfDay(zone).toOffsetDateTime()),
        problems);
  }

  private Map<Long, String> gridNames() {
    Map<Long, String> names = new HashMap<>();
    grids.all().forEach(g -> names.put(g.id(), g.name()));
    return names;
  }

  @GetMapping("/grids/patrols/photos/{id}")
  ResponseEntity<byte[]> photo(@PathVariable long id) {
    return patrols
        .photo(id)
        .map(b -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(b))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
