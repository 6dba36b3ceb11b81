package org.qingshan.server.user;

import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users; every change is audited, passwords never are. */
@Service
public class UserService {
  static final String ENTITY = "user";
  private final UserRepository repository;
  private final PasswordEncoder encoder;
  private final AuditLog audit;

  private final DepartmentService departments;
  private final SessionExpiry sessions;
  private final PasswordPolicy passwords;

  UserService(
      UserRepository repository,
      PasswordEncoder encoder,
      AuditLog audit,
      DepartmentService departments,
      SessionExpiry sessions,
      PasswordPolicy passwords) {
    this.passwords = passwords;
    this.repository = repository;
    this.encoder = encoder;
    this.audit = audit;
    this.departments = departments;
    this.sessions = sessions;
  }

  public PageResult<AppUser> search(Optional<String> text, PageQuery page) {
    return repository.search(text, Optional.empty(), page);
  }

  public Optional<AppUser> find(long id) {
    return repository.findById(id);
  }

  public boolean noUsers() {
    return repository.count() == 0;
  }

  /** Creates a user; {@code mustChangePassword} when the password was issued by someone else. */
  @Transactional
  public AppUser create(UserForm form, boolean mustChangePassword) {
    String username = form.username().trim();
    if (repository.findByUsername(username).isPresent()) {
      throw new UserFacingException("user.error.username-taken", username);
    }
    passwords.check(form.password(), username);
    departments.requireActiveIfGiven(form.department());
    long id =
        repository.insert(
            username,
            form.displayName().trim(),
            encoder.encode(form.password()),
            form.department(),
            form.phoneNumber(),
            mustChangePassword,
            form.roles());
    AppUser created = repository.findById(id).orElseThrow();
    audit.record(AuditAction.CREATE, ENTITY, id, username, Optional.empty(), Optional.of(created));
    return created;
  }

  /**
   * Changes a user as {@code actorId}; an admin cannot take their own admin role or account away,
   * so the bureau always keeps someone who can manage users. The user's open sessions end, so the
   * change takes effect at once.
   */
  @Transactional
  public AppUser update(long id, UserForm form, long actorId) {
    AppUser before =
        repository.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    if (id == actorId
        && (!form.enabled() || !form.roles().contains(Role.ADMIN))
        && before.has(Role.ADMIN)) {
      throw new UserFacingException("user.error.self-lockout");
    }
    departments.requireActiveIfGiven(form.department());
    repository.update(
        id,
        form.displayName().trim(),
        form.department(),
        form.phoneNumber(),
        form.enabled(),
        form.roles());
    if (form.password() != null && !form.password().isBlank()) {
      passwords.check(form.password(), before.username());
      repository.updatePassword(id, encoder.encode(form.password()), true);
    }
    AppUser after = repository.findById(id).orElseThrow();
    sessions.expireAfterCommit(id);
    audit.record(
        AuditAction.UPDATE, ENTITY, id, before.username(), Optional.of(before), Optional.of(after));
    return after;
  }

  /**
   * A user changing their own password; returns the new hash for the session. The user's other
   * sessions end (someone who learnt the old password is out at once); {@code currentSession}, the
   * one making the change, stays.
   */
  @Transactional
  public String changeOwnPassword(
      long id, String current, String next, String repeat, String currentSession) {
    String username =
        repository.findById(id).map(AppUser::username).orElseThrow(IllegalStateException::new);
    String hash = repository.passwordHash(username).orElseThrow();
    if (!encoder.matches(current, hash)) {
      throw new UserFacingException("password.error.current-wrong");
    }
    if (!next.equals(repeat)) {
      throw new UserFacingException("password.error.mismatch");
    }
    if (next.equals(current)) {
      throw new UserFacingException("password.error.same");
    }
    passwords.check(next, username);
    String newHash = encoder.encode(next);
    repository.updatePassword(id, newHash, false);
    sessions.expireOthersAfterCommit(id, currentSession);
    audit.record(
        AuditAction.PASSWORD_CHANGE,
        ENTITY,
        id,
        username,
        Optional.empty(),
        Optional.of(Map.of("username", username)));
    return newHash;
  }
}
