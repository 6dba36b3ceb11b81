package org.qingshan.server.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.FormSubmission;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 网格: the list with the patrol plans in force, a grid with its area on the map, its members and
 * enterprises, creating and changing grids, generating them from the department tree and placing
 * the enterprises by location.
 */
@Controller
@RequestMapping("/grids")
class GridController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GridService grids;
  private final GridRepository repository;
  private final GridSettings settings;
  private final DepartmentService departments;
  private final EnterpriseRepository enterprises;
  private final PatrolService patrols;
  private final MapSettings map;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  GridController(
      GridService grids,
      GridRepository repository,
      GridSettings settings,
      DepartmentService departments,
      EnterpriseRepository enterprises,
      PatrolService patrols,
      MapSettings map,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.grids = grids;
    this.repository = repository;
    this.settings = settings;
    this.departments = departments;
    this.enterprises = enterprises;
    this.patrols = patrols;
    this.map = map;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  /** A row of the list: the grid, its path, its department, how many members and enterprises. */
  record Row(
      Grid grid,
      String path,
      String levelName,
      String department,
      int members,
      int enterprises,
      boolean drawn,
      boolean understaffed) {}

  @ModelAttribute("settings")
  GridSettings settings() {
    return settings;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer level,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", PageResult.slice(rows(q, level), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("level", level);
    model.addAttribute("plans", settings.plans());
    return "grid/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer level,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> data = new ArrayList<>();
    for (Row r : rows(q, level)) {
      data.add(
          List.of(
              r.grid().id(),
              r.grid().name(),
              r.levelName(),
              r.path(),
              r.department(),
              messages.get(r.drawn() ? "grid.drawn.yes" : "grid.drawn.no"),
              r.members(),
              r.enterprises()));
    }
    audit.recordExport(
        GridService.ENTITY, messages.get("nav.grids"), SearchText.of(q), data.size());
    excel.write(
        response,
        messages.get("nav.grids"),
        messages.all(
            "column.id",
            "grid.name",
            "grid.level",
            "grid.path",
            "grid.department",
            "grid.drawn",
            "grid.members",
            "grid.enterprises"),
        data);
  }

  private List<Row> rows(String q, Integer level) {
    Optional<String> text = SearchText.of(q);
    Map<Long, Grid> byId = grids.byId();
    DepartmentTree tree = departments.tree();
    Map<Long, Long> memberCounts =
        repository.allMembers().stream()
            .filter(GridMember::enabled)
            .collect(Collectors.groupingBy(GridMember::gridId, Collectors.counting()));
    Map<Long, Long> enterpriseCounts =
        repository.assignments().values().stream()
            .collect(Collectors.groupingBy(EnterpriseAssignment::gridId, Collectors.counting()));
    List<Row> rows = new ArrayList<>();
    for (Grid g : grids.all()) {
      if (level != null && g.level() != level) {
        continue;
      }
      String path = grids.path(g, byId);
      String department = g.departmentId().map(tree::pathOf).orElse("");
      if (text.isPresent() && !path.contains(text.get()) && !department.contains(text.get())) {
        continue;
      }
      int members = memberCounts.getOrDefault(g.id(), 0L).intValue();
      rows.add(
          new Row(
              g,
              path,
              settings.levelName(g.level()),
              department,
              members,
              enterpriseCounts.getOrDefault(g.id(), 0L).intValue(),
              g.geometry().isPresent(),
              members < settings.recommendedMembers()));
    }
    rows.sort(java.util.Comparator.comparing(Row::path));
    return rows;
  }

  @GetMapping("/new")
  String newForm(@RequestParam(required = false) Long parent, Model model) {
    GridForm form = GridForm.empty();
    if (parent != null) {
      Grid p = grids.get(parent);
      form = new GridForm("", Math.min(p.level() + 1, settings.levels()), p.id(), null, "");
    }
    model.addAttribute("form", form);
    return formView(model, Optional.empty());
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") GridForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "grid.saved",
        () -> "/grids/" + grids.create(form).id(),
        () -> formView(model, Optional.empty()));
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    Grid g = grids.get(id);
    model.addAttribute("form", GridForm.of(g));
    return formView(model, Optional.of(g));
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") GridForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Grid g = grids.get(id);
    return FormSubmission.handle(
        errors,
        model,
        redirect,
        "grid.saved",
        () -> "/grids/" + grids.update(id, form).id(),
        () -> formView(model, Optional.of(g)));
  }

  private String formView(Model model, Optional<Grid> grid) {
    Map<Long, Grid> byId = grids.byId();
    Map<Long, String> parents = new LinkedHashMap<>();
    grids.all().stream()
        .filter(g -> grid.map(x -> x.id() != g.id()).orElse(true))
        .filter(g -> g.level() < settings.levels())
        .forEach(g -> parents.put(g.id(), grids.path(g, byId)));
    model.addAttribute("grid", grid.orElse(null));
    model.addAttribute("parents", parents);
    model.addAttribute("departments", places());
    model.addAttribute("levels", levels());
    mapAttributes(model);
    return "grid/edit";
  }

  /** The units a grid may stand for: the government and the towns, streets and villages. */
  private List<DepartmentTree.Node> places() {
    Set<DepartmentKind> kinds =
        Set.of(
            DepartmentKind.GOVERNMENT,
            DepartmentKind.TOWN,
            DepartmentKind.STREET,
            DepartmentKind.VILLAGE);
    return departments.tree().nodes().stream()
        .filter(n -> kinds.contains(n.department().kind()))
        .toList();
  }

  private Map<Integer, String> levels() {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 1; i <= settings.levels(); i++) {
      out.put(i, settings.levelName(i));
    }
    return out;
  }

  private void mapAttributes(Model model) {
    model.addAttribute("tileUrl", map.tileUrl());
    model.addAttribute("tileAttribution", map.tileAttribution());
  }

  @GetMapping("/{id}")
  String view(@PathVariable long id, Model model) {
    Grid g = grids.get(id);
    Map<Long, Grid> byId = grids.byId();
    List<GridMember> members = grids.members(id);
    List<Enterprise> inGrid = grids.enterprisesOf(id);
    Set<Long> memberIds = members.stream().map(GridMember::userId).collect(Collectors.toSet());
    Map<Long, EnterpriseAssignment> assigned = repository.assignments();
    model.addAttribute("grid", g);
    model.addAttribute("path", grids.path(g, byId));
    model.addAttribute("levelName", settings.levelName(g.level()));
    model.addAttribute("plan", settings.plan(g.level()));
    model.addAttribute(
        "department", g.departmentId().map(d -> departments.tree().pathOf(d)).orElse(""));
    model.addAttribute("parent", g.parentId().map(byId::get).orElse(null));
    model.addAttribute(
        "children",
        grids.all().stream().filter(c -> c.parentId().equals(Optional.of(id))).toList());
    model.addAttribute("members", members);
    model.addAttribute("understaffed", members.size() < settings.recommendedMembers());
    model.addAttribute(
        "candidates",
        repository.gridMemberUsers().stream()
            .filter(u -> !memberIds.contains(u.userId()))
            .toList());
    model.addAttribute("enterprises", inGrid);
    model.addAttribute("assignments", assigned);
    model.addAttribute(
        "otherEnterprises",
        enterprises.findAll().stream()
            .filter(e -> !inGrid.contains(e))
            .sorted(java.util.Comparator.comparing(Enterprise::name))
            .toList());
    model.addAttribute(
        "patrols",
        patrols.search(
            new PatrolSearch(
                Optional.empty(),
                Optional.of(id),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false),
            new PageQuery(1, 10)));
    model.addAttribute("points", points(inGrid));
    mapAttributes(model);
    return "grid/view";
  }

  /** The grid's enterprises with coordinates, for the map, as JSON. */
  private static String points(List<Enterprise> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Enterprise e : list) {
      if (e.longitude().isPresent() && e.latitude().isPresent()) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", e.name());
        p.put("lng", e.longitude().get());
        p.put("lat", e.latitude().get());
        out.add(p);
      }
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @PostMapping("/{id}/members")
  String addMember(
      @PathVariable long id,
      @RequestParam(required = false) String username,
      RedirectAttributes redirect) {
    return act(id, redirect, "grid.member.added", () -> grids.addMember(id, username));
  }

  @PostMapping("/{id}/members/{userId}/remove")
  String removeMember(
      @PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
    return act(id, redirect, "grid.member.removed", () -> grids.removeMember(id, userId));
  }

  @PostMapping("/{id}/enterprises")
  String addEnterprise(
      @PathVariable long id,
      @RequestParam(required = false) Long enterpriseId,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "grid.enterprise.added",
        () -> {
          if (enterpriseId == null) {
            throw new UserFacingException("grid.enterprise.choose");
          }
          grids.addEnterprise(id, enterpriseId);
        });
  }

  @PostMapping("/{id}/enterprises/{enterpriseId}/remove")
  String removeEnterprise(
      @PathVariable long id, @PathVariable long enterpriseId, RedirectAttributes redirect) {
    return act(
        id, redirect, "grid.enterprise.removed", () -> grids.removeEnterprise(id, enterpriseId));
  }

  private static String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/grids/" + id;
  }

  @PostMapping("/assign")
  String assign(RedirectAttributes redirect) {
    GridService.Assigned a = grids.assignByLocation();
    redirect.addFlashAttribute("notice", "grid.assigned");
    redirect.addFlashAttribute("assigned", a);
    return "redirect:/grids";
  }

  @PostMapping("/generate")
  String generate(RedirectAttributes redirect) {
    try {
      int created = grids.generateFromDepartments();
      redirect.addFlashAttribute("notice", "grid.generated");
      redirect.addFlashAttribute("generated", created);
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/grids";
  }
}
