package org.qingshan.server.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.UserRepository;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty roster and the hand-over between shifts. Who is on duty is asked for a given moment, so
 * the pages ask with the server's clock and tests with any time.
 */
@Service
public class RosterService {
  static final String ROSTER = "duty-roster";
  static final String HANDOVER = "duty-handover";

  /** The roles that stand duty: the bureau's staff and the leader on call. */
  static final Set<Role> ON_DUTY_ROLES = Set.of(Role.ADMIN, Role.DISPATCHER, Role.LEADER);

  private final RosterRepository repository;
  private final RosterShifts shifts;
  private final UserRepository users;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Clock clock;

  RosterService(
      RosterRepository repository,
      RosterShifts shifts,
      UserRepository users,
      CurrentUser currentUser,
      AuditLog audit,
      Clock clock) {
    this.repository = repository;
    this.shifts = shifts;
    this.users = users;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(shifts.zone()));
  }

  public LocalDate today() {
    return now().toLocalDate();
  }

  /** The people who may be put on the roster: enabled users of the duty roles. */
  public List<AppUser> choices() {
    return users.search(Optional.empty(), Optional.empty(), PageQuery.EXPORT).items().stream()
        .filter(u -> u.enabled() && u.roles().stream().anyMatch(ON_DUTY_ROLES::contains))
        .toList();
  }

  public List<RosterEntry> between(LocalDate from, LocalDate to) {
    return repository.between(from, to);
  }

  public List<RosterEntry> of(ShiftSlot slot) {
    return repository.of(slot.date(), slot.shift());
  }

  /** Puts these people (and only them) on the shift of the day; an empty list clears it. */
  @Transactional
  public void assign(LocalDate date, String shift, Collection<String> usernames) {
    shifts.require(shift);
    Set<String> wanted = new LinkedHashSet<>();
    for (String u : usernames) {
      if (u == null || u.isBlank()) {
        continue;
      }
      AppUser user =
          users
              .findByUsername(u.trim())
              .filter(AppUser::enabled)
              .orElseThrow(() -> new UserFacingException("roster.user.unknown", u));
      if (user.roles().stream().noneMatch(ON_DUTY_ROLES::contains)) {
        throw new UserFacingException("roster.user.not-duty", user.displayName());
      }
      wanted.add(user.username());
    }
    List<String> before = repository.of(date, shift).stream().map(RosterEntry::username).toList();
    repository.replace(
        date, shift, wanted, currentUser.require().getUsername(), OffsetDateTime.now(clock));
    audit.record(
        AuditAction.UPDATE,
        ROSTER,
        date + " " + shift,
        date + " " + shifts.label(shift) + "：" + String.join("、", wanted),
        Optional.of(Map.of("people", before)),
        Optional.of(Map.of("people", List.copyOf(wanted))));
  }

  /** The shift running at the moment and who stands it; empty between shifts. */
  public Optional<OnDuty> onDutyAt(ZonedDateTime at) {
    return shifts.at(at).map(slot -> new OnDuty(slot, repository.of(slot.date(), slot.shift())));
  }

  /** A shift and the people on it. */
  public record OnDuty(ShiftSlot slot, List<RosterEntry> people) {
    public boolean includes(String username) {
      return people.stream().anyMatch(p -> p.username().equals(username));
    }
  }

  /** Is the user on the roster of the slot? */
  public boolean isOn(ShiftSlot slot, String username) {
    return repository.of(slot.date(), slot.shift()).stream()
        .anyMatch(e -> e.username().equals(username));
  }

  /**
   * 交接班: the outgoing shift's note to the next. Written by someone on the roster of that shift (an
   * admin may write for anyone).
   */
  @Transactional
  public HandoverNote writeNote(LocalDate date, String shift, String text) {
    ShiftSlot slot = shifts.slot(date, shift);
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new UserFacingException("roster.handover.text.required");
    }
    if (t.length() > 4000) {
      throw new UserFacingException("roster.handover.text.size");
    }
    QingshanPrincipal me = currentUser.require();
    if (!me.has(Role.ADMIN) && !isOn(slot, me.getUsername())) {
      throw new UserFacingException("roster.handover.not-on-shift", slot.title());
    }
    long id =
        repository.insertNote(date, slot.shift(), t, me.getUsername(), OffsetDateTime.now(clock));
    HandoverNote note = repository.note(id).orElseThrow();
    audit.record(
        AuditAction.CREATE, HANDOVER, id, slot.title(), Optional.empty(), Optional.of(note));
    return note;
  }

  /** 接班确认: someone on the roster of the shift that follows the note's (or an admin) has read it. */
  @Transactional
  public HandoverNote acknowledge(long id) {
    HandoverNote note =
        repository.note(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    QingshanPrincipal me = currentUser.require();
    if (!mayAcknowledge(note, me)) {
      ShiftSlot next = shifts.next(shifts.slot(note.date(), note.shift()));
      throw new UserFacingException("roster.handover.not-next-shift", next.title());
    }
    if (!repository.acknowledge(id, me.getUsername(), OffsetDateTime.now(clock))) {
      throw new UserFacingException("roster.handover.already-acknowledged");
    }
    HandoverNote after = repository.note(id).orElseThrow();
    audit.record(
        AuditAction.UPDATE,
        HANDOVER,
        id,
        shifts.slot(note.date(), note.shift()).title(),
        Optional.of(note),
        Optional.of(after));
    return after;
  }

  boolean mayAcknowledge(HandoverNote note, QingshanPrincipal me) {
    // only the bureau's staff send forms to the roster (a leader on call reads the notes)
    if (note.acknowledged() || !(me.has(Role.ADMIN) || me.has(Role.DISPATCHER))) {
      return false;
    }
    ShiftSlot next = shifts.next(shifts.slot(note.date(), note.shift()));
    return me.has(Role.ADMIN) || isOn(next, me.getUsername());
  }

  /** The notes the shift running at the moment was handed, newest last. */
  public List<HandoverNote> handedTo(ShiftSlot slot) {
    ShiftSlot previous = shifts.previous(slot);
    return repository.notesOf(previous.date(), previous.shift());
  }

  public List<HandoverNote> notesOfDay(LocalDate date) {
    return repository.notesOfDay(date);
  }

  public PageResult<HandoverNote> searchNotes(
      Optional<String> text, Optional<LocalDate> from, Optional<LocalDate> to, PageQuery page) {
    return repository.searchNotes(text, from, to, page);
  }

  /** The notes with whether the current user may acknowledge each. */
  public List<Boolean> acknowledgeable(List<HandoverNote> notes) {
    Optional<QingshanPrincipal> me = currentUser.principal();
    List<Boolean> may = new ArrayList<>();
    for (HandoverNote n : notes) {
      may.add(me.map(p -> mayAcknowledge(n, p)).orElse(false));
    }
    return may;
  }
}
