package org.qingshan.server.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The loads a user may read: bureau staff any enterprise's, an enterprise user only its own (the id
 * of another enterprise is refused and audited).
 */
@Service
public class LoadService {
  /** The longest range of hourly loads one page shows. */
  static final int MAX_HOUR_DAYS = 31;

  private final LoadQueries queries;
  private final EnterpriseRepository enterprises;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;

  LoadService(
      LoadQueries queries,
      EnterpriseRepository enterprises,
      CurrentUser currentUser,
      ApplicationEventPublisher events) {
    this.queries = queries;
    this.enterprises = enterprises;
    this.currentUser = currentUser;
    this.events = events;
  }

  /** The enterprise user's own enterprise, or empty for bureau staff. */
  Optional<Long> ownEnterprise() {
    return currentUser
        .principal()
        .filter(
            p -> p.has(Role.ENTERPRISE) && p.roles().stream().noneMatch(Role::seesAllDepartments))
        .map(QingshanPrincipal::userId)
        .map(u -> enterprises.enterpriseOfUser(u).orElse(-1L));
  }

  /** The enterprise to show: the one asked for, if the user may see it, or the user's own. */
  Optional<Enterprise> enterprise(Optional<Long> asked) {
    Optional<Long> own = ownEnterprise();
    if (own.isPresent() && asked.isPresent() && !asked.equals(own)) {
      events.publishEvent(new RecordRefused("enterprise", asked));
      throw new AccessDeniedException("enterprise " + asked.get() + " is not the user's own");
    }
    return own.or(() -> asked).flatMap(enterprises::findById);
  }

  List<Enterprise> choices() {
    return ownEnterprise()
        .map(id -> enterprises.findById(id).stream().toList())
        .orElseGet(enterprises::findAll);
  }

  /** Loads of the enterprise by period, over the days {@code from} to {@code to} inclusive. */
  LoadTable table(long enterpriseId, Granularity g, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new UserFacingException("load.range.backwards");
    }
    if (g == Granularity.HOUR && from.plusDays(MAX_HOUR_DAYS).isBefore(to)) {
      throw new UserFacingException("load.range.hours", MAX_HOUR_DAYS);
    }
    return LoadTable.of(
        g, queries.hourly(enterpriseId, from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
  }
}
