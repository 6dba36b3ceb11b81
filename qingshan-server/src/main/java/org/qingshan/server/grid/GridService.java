package org.qingshan.server.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentNames;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.grid.EnterpriseAssignment.AssignedBy;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.UserRepository;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grids, their members and their enterprises. Every change writes its audit entry in its
 * transaction.
 */
@Service
public class GridService {
  static final String ENTITY = "grid";
  private static final Logger log = LoggerFactory.getLogger(GridService.class);
  private final GridRepository repository;
  private final GridSettings settings;
  private final DepartmentService departments;
  private final UserRepository users;
  private final EnterpriseRepository enterprises;
  private final AuditLog audit;
  private final Clock clock;
  private final MapSettings map;
  private final ResourceLoader resources;
  private final Messages messages;

  GridService(
      GridRepository repository,
      GridSettings settings,
      DepartmentService departments,
      UserRepository users,
      EnterpriseRepository enterprises,
      AuditLog audit,
      Clock clock,
      MapSettings map,
      ResourceLoader resources,
      Messages messages) {
    this.messages = messages;
    this.repository = repository;
    this.settings = settings;
    this.departments = departments;
    this.users = users;
    this.enterprises = enterprises;
    this.audit = audit;
    this.clock = clock;
    this.map = map;
    this.resources = resources;
  }

  public List<Grid> all() {
    return repository.all();
  }

  public Grid get(long id) {
    return repository.find(id).orElseThrow(() -> new UserFacingException("grid.not-found", id));
  }

  /** The grid's name with those above it: 示范县网格 / 青山镇网格 / 青山村网格. */
  public String path(Grid g, Map<Long, Grid> byId) {
    List<String> names = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    Grid at = g;
    while (at != null && seen.add(at.id())) {
      names.add(0, at.name());
      at = at.parentId().map(byId::get).orElse(null);
    }
    return String.join(" / ", names);
  }

  @Transactional
  public Grid create(GridForm form) {
    Grid g = checked(0, form);
    long id = repository.insert(g, OffsetDateTime.now(clock));
    Grid created = get(id);
    audit.record(
        AuditAction.CREATE, ENTITY, id, created.name(), Optional.empty(), Optional.of(created));
    return created;
  }

  @Transactional
  public Grid update(long id, GridForm form) {
    Grid before = get(id);
    Grid g = checked(id, form);
    repository.update(g, OffsetDateTime.now(clock));
    Grid after = get(id);
    audit.record(
        AuditAction.UPDATE, ENTITY, id, after.name(), Optional.of(before), Optional.of(after));
    return after;
  }

  private Grid checked(long id, GridForm form) {
    String name = form.name() == null ? "" : form.name().trim();
    if (name.isEmpty()) {
      throw new UserFacingException("grid.name.required");
    }
    int level = form.level() == null ? 0 : form.level();
    if (level < 1 || level > settings.levels()) {
      throw new UserFacingException("grid.level.invalid", settings.levels());
    }
    Optional<Long> parent = Optional.ofNullable(form.parentId());
    if (parent.isPresent()) {
      Grid p =
          repository
              .find(parent.get())
              .orElseThrow(() -> new UserFacingException("grid.parent.invalid"));
      if (p.level() >= level) {
        throw new UserFacingException("grid.parent.level");
      }
      // a grid under itself would make its path endless
      Map<Long, Grid> byId = byId();
      Set<Long> seen = new HashSet<>();
      for (Grid at = p; at != null && seen.add(at.id()); ) {
        if (at.id() == id) {
          throw new UserFacingException("grid.parent.invalid");
        }
        at = at.parentId().map(byId::get).orElse(null);
      }
    }
    if (id != 0
        && repository.all().stream()
            .anyMatch(c -> c.parentId().equals(Optional.of(id)) && c.level() <= level)) {
      throw new UserFacingException("grid.children.level");
    }
    Optional<Long> department = Optional.ofNullable(form.departmentId());
    department.ifPresent(
        d -> {
          if (departments.find(d).filter(x -> !x.isMerged()).isEmpty()) {
            throw new UserFacingException("grid.department.invalid");
          }
        });
    String geo = form.geometry() == null ? "" : form.geometry().trim();
    Optional<String> geometry =
        geo.isEmpty() ? Optional.empty() : Optional.of(GridGeometry.parse(geo).toJson());
    if (geometry.isPresent() && geometry.get().length() > GridGeometry.MAX_LENGTH) {
      throw new UserFacingException("grid.geometry.invalid");
    }
    return new Grid(id, name, level, parent, department, geometry);
  }

  public Map<Long, Grid> byId() {
    Map<Long, Grid> out = new HashMap<>();
    repository.all().forEach(g -> out.put(g.id(), g));
    return out;
  }

  // ---- members

  public List<GridMember> members(long gridId) {
    return repository.members(gridId);
  }

  /** Adds a user of role GRID_MEMBER to the grid's members. */
  @Transactional
  public GridMember addMember(long gridId, String username) {
    Grid g = get(gridId);
    AppUser u =
        users
            .findByUsername(username == null ? "" : username.trim())
            .filter(AppUser::enabled)
            .orElseThrow(() -> new UserFacingException("grid.member.unknown", username));
    if (!u.roles().contains(Role.GRID_MEMBER)) {
      throw new UserFacingException("grid.member.not-grid-member", u.displayName());
    }
    if (repository.isMember(gridId, u.id())) {
      throw new UserFacingException("grid.member.already", u.displayName());
    }
    repository.addMember(gridId, u.id(), OffsetDateTime.now(clock));
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        gridId,
        messages.get("grid.audit.member-added", g.name(), u.displayName(), u.username()),
        Optional.empty(),
        Optional.of(Map.of("member", u.username())));
    return repository.members(gridId).stream()
        .filter(m -> m.userId() == u.id())
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  public void removeMember(long gridId, long userId) {
    Grid g = get(gridId);
    AppUser u =
        users
            .findById(userId)
            .orElseThrow(() -> new UserFacingException("grid.member.unknown", userId));
    if (!repository.removeMember(gridId, userId)) {
      throw new UserFacingException("grid.member.unknown", u.username());
    }
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        gridId,
        messages.get("grid.audit.member-removed", g.name(), u.displayName(), u.username()),
        Optional.of(Map.of("member", u.username())),
        Optional.empty());
  }

  /** The grids a user serves. */
  public List<Grid> gridsOf(long userId) {
    Map<Long, Grid> byId = byId();
    return repository.gridsOfUser(userId).stream().map(byId::get).filter(g -> g != null).toList();
  }

  // ---- enterprises

  public List<Enterprise> enterprisesOf(long gridId) {
    return repository.enterprisesOf(gridId).stream()
        .map(enterprises::findById)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(Enterprise::name))
        .toList();
  }

  /** Puts an enterprise in the grid by hand (moving it from any other grid). */
  @Transactional
  public void addEnterprise(long gridId, long enterpriseId) {
    Grid g = get(gridId);
    Enterprise e =
        enterprises
            .findById(enterpriseId)
            .orElseThrow(() -> new UserFacingException("grid.enterprise.unknown", enterpriseId));
    Optional<EnterpriseAssignment> before = repository.assignmentOf(enterpriseId);
    repository.assign(enterpriseId, gridId, AssignedBy.HAND, OffsetDateTime.now(clock));
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        gridId,
        messages.get("grid.audit.enterprise-added", g.name(), e.name()),
        before,
        repository.assignmentOf(enterpriseId));
  }

  @Transactional
  public void removeEnterprise(long gridId, long enterpriseId) {
    Grid g = get(gridId);
    Optional<EnterpriseAssignment> before = repository.assignmentOf(enterpriseId);
    if (!repository.unassign(enterpriseId, gridId)) {
      throw new UserFacingException("grid.enterprise.unknown", enterpriseId);
    }
    String name =
        enterprises
            .findById(enterpriseId)
            .map(Enterprise::name)
            .orElse(String.valueOf(enterpriseId));
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        gridId,
        messages.get("grid.audit.enterprise-removed", g.name(), name),
        before,
        Optional.empty());
  }

  /** What assigning by location did. */
  public record Assigned(int byLocation, int byTown, int kept, int unplaced) {}

  /**
   * Puts every enterprise not placed by hand in its grid: the lowest-level grid whose area holds
   * its coordinates (the smaller area of two), else the grid bound to the department its town
   * names.
   */
  @Transactional
  public Assigned assignByLocation() {
    List<Grid> grids = repository.all();
    Map<Long, GridGeometry> areas = new HashMap<>();
    for (Grid g : grids) {
      GridGeometry.of(g.geometry()).ifPresent(a -> areas.put(g.id(), a));
    }
    Map<Long, EnterpriseAssignment> current = repository.assignments();
    OffsetDateTime now = OffsetDateTime.now(clock);
    int located = 0;
    int byTown = 0;
    int kept = 0;
    int unplaced = 0;
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Enterprise e : enterprises.findAll()) {
      EnterpriseAssignment was = current.get(e.id());
      if (was != null && was.how() == AssignedBy.HAND) {
        kept++;
        continue;
      }
      AssignedBy how = AssignedBy.LOCATION;
      Optional<Grid> grid = byLocation(e, grids, areas);
      if (grid.isEmpty()) {
        how = AssignedBy.TOWN;
        grid = byTown(e, grids);
      }
      if (grid.isEmpty()) {
        unplaced++;
        continue;
      }
      if (how == AssignedBy.LOCATION) {
        located++;
      } else {
        byTown++;
      }
      if (was == null || was.gridId() != grid.get().id() || was.how() != how) {
        repository.assign(e.id(), grid.get().id(), how, now);
        changes.add(Map.of("enterprise", e.id(), "grid", grid.get().id(), "how", how.name()));
      }
    }
    Assigned result = new Assigned(located, byTown, kept, unplaced);
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        null,
        messages.get("grid.audit.assigned", changes.size()),
        Optional.empty(),
        Optional.of(Map.of("result", result, "changes", changes)));
    return result;
  }

  /** The lowest-level grid whose area holds the enterprise's coordinates; the smaller of two. */
  static Optional<Grid> byLocation(Enterprise e, List<Grid> grids, Map<Long, GridGeometry> areas) {
    if (e.longitude().isEmpty() || e.latitude().isEmpty()) {
      return Optional.empty();
    }
    double lng = e.longitude().get();
    double lat = e.latitude().get();
    return grids.stream()
        .filter(g -> areas.containsKey(g.id()) && areas.get(g.id()).contains(lng, lat))
        .min(
            Comparator.comparingInt((Grid g) -> -g.level())
                .thenComparingDouble(g -> areas.get(g.id()).area()));
  }

  /** The lowest-level grid bound to the department the enterprise's town names (or its own). */
  private Optional<Grid> byTown(Enterprise e, List<Grid> grids) {
    Optional<Long> department = e.town().flatMap(departments::resolve).map(Department::id);
    if (department.isEmpty()) {
      department =
          e.departmentId()
              .flatMap(departments::find)
              .filter(d -> isPlace(d.kind()))
              .map(Department::id);
    }
    if (department.isEmpty()) {
      return Optional.empty();
    }
    long d = department.get();
    return grids.stream()
        .filter(g -> g.departmentId().map(x -> x == d).orElse(false))
        .max(Comparator.comparingInt(Grid::level));
  }

  private static boolean isPlace(DepartmentKind kind) {
    return kind == DepartmentKind.TOWN
        || kind == DepartmentKind.STREET
        || kind == DepartmentKind.VILLAGE;
  }

  // ---- from the department tree

  /**
   * Creates the grids the department tree implies and none exists for: the county government's grid
   * (一级), a grid per town and street under it (二级), a grid per village under its town's (三级), each
   * bound to its department and, where the map's outline has a feature of its name, drawn as that
   * feature. Returns how many grids were created.
   */
  @Transactional
  public int generateFromDepartments() {
    DepartmentTree tree = departments.tree();
    List<DepartmentTree.Node> nodes = tree.nodes();
    Optional<Department> government =
        nodes.stream()
            .map(DepartmentTree.Node::department)
            .filter(d -> d.kind() == DepartmentKind.GOVERNMENT)
            .findFirst();
    if (government.isEmpty()) {
      throw new UserFacingException("grid.generate.no-government");
    }
    Map<String, String> outlines = outlines();
    Map<Long, Grid> byDepartment = new HashMap<>();
    for (Grid g : repository.all()) {
      g.departmentId().ifPresent(d -> byDepartment.putIfAbsent(d, g));
    }
    int created = 0;
    Department gov = government.get();
    String county = countyName(gov.name());
    if (!byDepartment.containsKey(gov.id())) {
      byDepartment.put(
          gov.id(), create(county + "网格", 1, Optional.empty(), gov.id(), outlines.get(county)));
      created++;
    }
    Grid countyGrid = byDepartment.get(gov.id());
    if (settings.levels() >= 2) {
      for (DepartmentTree.Node n : nodes) {
        Department d = n.department();
        if ((d.kind() == DepartmentKind.TOWN || d.kind() == DepartmentKind.STREET)
            && !byDepartment.containsKey(d.id())) {
          byDepartment.put(
              d.id(),
              create(
                  d.name() + "网格",
                  2,
                  Optional.of(countyGrid.id()),
                  d.id(),
                  outlines.get(DepartmentNames.normalize(d.name()))));
          created++;
        }
      }
    }
    if (settings.levels() >= 3) {
      for (DepartmentTree.Node n : nodes) {
        Department d = n.department();
        if (d.kind() != DepartmentKind.VILLAGE || byDepartment.containsKey(d.id())) {
          continue;
        }
        Optional<Grid> parent = townGridAbove(d, tree, byDepartment);
        byDepartment.put(
            d.id(),
            create(
                d.name() + "网格",
                3,
                Optional.of(parent.orElse(countyGrid).id()),
                d.id(),
                outlines.get(DepartmentNames.normalize(d.name()))));
        created++;
      }
    }
    return created;
  }

  private static Optional<Grid> townGridAbove(
      Department village, DepartmentTree tree, Map<Long, Grid> byDepartment) {
    Set<Long> seen = new HashSet<>();
    Optional<Department> at = village.parentId().flatMap(tree::find);
    while (at.isPresent() && seen.add(at.get().id())) {
      Department d = at.get();
      if ((d.kind() == DepartmentKind.TOWN || d.kind() == DepartmentKind.STREET)
          && byDepartment.containsKey(d.id())) {
        return Optional.of(byDepartment.get(d.id()));
      }
      at = d.parentId().flatMap(tree::find);
    }
    return Optional.empty();
  }

  private Grid create(
      String name, int level, Optional<Long> parent, long departmentId, String geometry) {
    return create(
        new GridForm(
            name, level, parent.orElse(null), departmentId, geometry == null ? "" : geometry));
  }

  /** 示范县人民政府 → 示范县: the place a government governs. */
  static String countyName(String governmentName) {
    String n = DepartmentNames.normalize(governmentName);
    return n.endsWith("人民政府") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
  }

  /** The map outline's features by their normalized names, as GeoJSON geometries. */
  private Map<String, String> outlines() {
    Map<String, String> out = new HashMap<>();
    String location = map.outline();
    Resource resource =
        resources.getResource(location.contains(":") ? location : "file:" + location);
    if (!resource.exists()) {
      return out;
    }
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = new ObjectMapper().readTree(in);
      for (JsonNode f : root.path("features")) {
        String name = f.path("properties").path("name").asText("");
        JsonNode geometry = f.path("geometry");
        if (!name.isEmpty() && geometry.isObject()) {
          try {
            out.put(
                DepartmentNames.normalize(name), GridGeometry.parse(geometry.toString()).toJson());
          } catch (UserFacingException e) {
            log.warn("the map outline's feature {} is no polygon; its grid is left undrawn", name);
          }
        }
      }
    } catch (IOException e) {
      log.warn("the map outline could not be read for the grids: {}", e.toString());
    }
    return out;
  }
}
