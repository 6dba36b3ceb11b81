package org.qingshan.server.department;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.security.DepartmentSubtrees;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments, their aliases, and merging two spellings of one department into one. */
@Service
public class DepartmentService implements DepartmentSubtrees {
  static final String ENTITY = "department";
  private final DepartmentRepository repository;
  private final AuditLog audit;

  DepartmentService(DepartmentRepository repository, AuditLog audit) {
    this.repository = repository;
    this.audit = audit;
  }

  @Override
  public Set<Long> subtreeIds(long departmentId) {
    return tree().subtreeIds(departmentId);
  }

  public DepartmentTree tree() {
    return new DepartmentTree(repository.findAllActive());
  }

  public Optional<Department> find(long id) {
    return repository.findById(id);
  }

  public List<DepartmentAlias> aliasesOf(long id) {
    return repository.aliasesOf(id);
  }

  public Map<Long, List<DepartmentAlias>> aliasesByDepartment() {
    return repository.allAliases().stream()
        .collect(Collectors.groupingBy(DepartmentAlias::departmentId));
  }

  /** The active department a name as written in a document stands for, if any. */
  public Optional<Department> resolve(String nameAsWritten) {
    String normalized = DepartmentNames.normalize(nameAsWritten);
    if (normalized.isEmpty()) {
      return Optional.empty();
    }
    return repository.departmentIdByNormalizedAlias(normalized).flatMap(this::followMerges);
  }

  private Optional<Department> followMerges(long id) {
    Optional<Department> d = repository.findById(id);
    for (int hops = 0; d.isPresent() && d.get().isMerged() && hops < 20; hops++) {
      d = repository.findById(d.get().mergedInto().get());
    }
    return d.filter(x -> !x.isMerged());
  }

  @Transactional
  public Department create(DepartmentForm form) {
    String name = form.name().trim();
    Optional<Long> parent = form.parentId();
    parent.ifPresent(this::requireActive);
    requireFreeName(name, Optional.empty());
    long id = repository.insert(parent, name, form.kind(), form.sortOrder());
    repository.insertAlias(id, name);
    Department created = repository.findById(id).orElseThrow();
    audit.record(AuditAction.CREATE, ENTITY, id, name, Optional.empty(), Optional.of(created));
    return created;
  }

  @Transactional
  public Department update(long id, DepartmentForm form) {
    Department before = requireActive(id);
    String name = form.name().trim();
    Optional<Long> parent = form.parentId();
    if (parent.isPresent()) {
      requireActive(parent.get());
      if (tree().subtreeIds(id).contains(parent.get())) {
        throw new UserFacingException("department.error.parent-cycle");
      }
    }
    requireFreeName(name, Optional.of(id));
    repository.update(id, parent, name, form.kind(), form.sortOrder());
    if (!name.equals(before.name())
        && repository.departmentIdByNormalizedAlias(DepartmentNames.normalize(name)).isEmpty()) {
      // The old name stays an alias: documents written before the rename still resolve.
      repository.insertAlias(id, name);
    }
    Department after = repository.findById(id).orElseThrow();
    audit.record(AuditAction.UPDATE, ENTITY, id, name, Optional.of(before), Optional.of(after));
    return after;
  }

  @Transactional
  public void addAlias(long departmentId, String alias) {
    Department d = requireActive(departmentId);
    String trimmed = alias.trim();
    if (DepartmentNames.normalize(trimmed).isEmpty()) {
      throw new UserFacingException("department.error.alias-blank");
    }
    if (trimmed.length() > 200) {
      throw new UserFacingException("department.error.alias-too-long", 200);
    }
    requireFreeName(trimmed, Optional.empty());
    repository.insertAlias(departmentId, trimmed);
    audit.record(
        AuditAction.CREATE,
        "department-alias",
        departmentId,
        d.name() + " ← " + trimmed,
        Optional.empty(),
        Optional.of(Map.of("department", d.name(), "alias", trimmed)));
  }

  @Transactional
  public void removeAlias(long aliasId) {
    DepartmentAlias alias =
        repository.findAlias(aliasId).orElseThrow(() -> new UserFacingException("error.not-found"));
    Department d = requireActive(alias.departmentId());
    if (DepartmentNames.normalize(alias.alias()).equals(DepartmentNames.normalize(d.name()))) {
      throw new UserFacingException("department.error.alias-is-name");
    }
    repository.deleteAlias(aliasId);
    audit.record(
        AuditAction.DELETE,
        "department-alias",
        d.id(),
        d.name() + " ← " + alias.alias(),
        Optional.of(Map.of("department", d.name(), "alias", alias.alias())),
        Optional.empty());
  }

  /**
   * Merges the source into the target: its aliases, users, records and sub-units move to the
   * target, and the source remains only as a pointer so old references still resolve.
   */
  @Transactional
  public void merge(long sourceId, long targetId) {
    if (sourceId == targetId) {
      throw new UserFacingException("department.error.merge-self");
    }
    Department source = requireActive(sourceId);
    Department target = requireActive(targetId);
    if (tree().subtreeIds(sourceId).contains(targetId)) {
      throw new UserFacingException("department.error.merge-into-child");
    }
    repository.reassignReferences(sourceId, targetId);
    repository.markMerged(sourceId, targetId);
    audit.record(
        AuditAction.MERGE,
        ENTITY,
        sourceId,
        source.name() + " → " + target.name(),
        Optional.of(source),
        Optional.of(repository.findById(sourceId).orElseThrow()));
  }

  /** Throws a user-facing error unless the department, when one is given, exists and is active. */
  public void requireActiveIfGiven(Optional<Long> id) {
    id.ifPresent(this::requireActive);
  }

  private Department requireActive(long id) {
    return repository
        .findById(id)
        .filter(d -> !d.isMerged())
        .orElseThrow(() -> new UserFacingException("department.error.not-found", id));
  }

  private void requireFreeName(String name, Optional<Long> self) {
    if (DepartmentNames.normalize(name).isEmpty()) {
      throw new UserFacingException("department.error.name-blank");
    }
    Optional<Long> owner =
        repository.departmentIdByNormalizedAlias(DepartmentNames.normalize(name));
    if (owner.isPresent() && !owner.equals(self)) {
      String ownerName = repository.findById(owner.get()).map(Department::name).orElse("?");
      throw new UserFacingException("department.error.name-taken", name, ownerName);
    }
  }
}
