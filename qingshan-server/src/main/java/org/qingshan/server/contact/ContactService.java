package org.qingshan.server.contact;

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
 * The liaison directory, filtered by the current user's data scope: a liaison reads and changes
 * only their own department's contacts, and cannot move one into another department.
 */
@Service
public class ContactService {
  static final String ENTITY = "contact";
  private final ContactRepository repository;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  private final DepartmentService departments;

  ContactService(
      ContactRepository repository,
      CurrentUser currentUser,
      AuditLog audit,
      DepartmentService departments) {
    this.departments = departments;
    this.repository = repository;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  public PageResult<DepartmentContact> search(
      Optional<String> text, Optional<Long> department, PageQuery page) {
    return repository.search(text, department, currentUser.scope().filter(), page);
  }

  public DepartmentContact get(long id) {
    DepartmentContact contact =
        repository.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    return currentUser.requireVisible(ENTITY, id, contact);
  }

  @Transactional
  public DepartmentContact create(ContactForm form) {
    currentUser.requireInScope(ENTITY, form.departmentId());
    departments.requireActiveIfGiven(Optional.of(form.departmentId()));
    long id = repository.insert(form);
    DepartmentContact created = repository.findById(id).orElseThrow();
    audit.record(
        AuditAction.CREATE, ENTITY, id, created.name(), Optional.empty(), Optional.of(created));
    return created;
  }

  @Transactional
  public DepartmentContact update(long id, ContactForm form) {
    DepartmentContact before = get(id);
    currentUser.requireInScope(ENTITY, form.departmentId());
    departments.requireActiveIfGiven(Optional.of(form.departmentId()));
    repository.update(id, form);
    DepartmentContact after = repository.findById(id).orElseThrow();
    audit.record(
        AuditAction.UPDATE, ENTITY, id, after.name(), Optional.of(before), Optional.of(after));
    return after;
  }

  @Transactional
  public void delete(long id) {
    DepartmentContact before = get(id);
    repository.delete(id);
    audit.record(
        AuditAction.DELETE, ENTITY, id, before.name(), Optional.of(before), Optional.empty());
  }
}
