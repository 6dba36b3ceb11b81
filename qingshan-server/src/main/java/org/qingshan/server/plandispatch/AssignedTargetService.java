package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figure a higher level assigned for a task's target (完成市下达的年度减排任务), entered by the bureau's
 * planners (those who review plans) when it arrives from the city or the province, in a draft or a
 * published plan: it is no correction of the document, so the plan keeps its version. Entered
 * again, it replaces the earlier figure; every entry is audited.
 */
@Service
public class AssignedTargetService {
  private final DispatchRepository plans;
  private final AssignedTargetRepository figures;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Messages messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssignedTargetService(
      DispatchRepository plans,
      AssignedTargetRepository figures,
      CurrentUser currentUser,
      AuditLog audit,
      Messages messages,
      ApplicationEventPublisher events,
      Clock clock) {
    this.plans = plans;
    this.figures = figures;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Enters the assigned figure of the task's target at {@code position}: a number (required), a
   * comparator of {@link PlanReviewService#COMPARATORS}, an optional unit and where it came from
   * (required: 市生态环境局2026年3月下达).
   */
  @Transactional
  public DispatchTarget enter(
      long taskId, int position, String value, String comparator, String unit, String source) {
    QingshanPrincipal user = currentUser.require();
    if (!user.has(Role.ADMIN) && !user.has(Role.PLANNER)) {
      events.publishEvent(new RecordRefused(PlanDispatchService.TASK, Optional.of(taskId)));
      throw new AccessDeniedException("assigned targets are entered by planners");
    }
    DispatchTask task =
        plans
            .task(taskId)
            .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    DispatchPlan plan =
        plans
            .plan(task.planId())
            .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    if (plan.status() == DispatchPlanStatus.SUPERSEDED) {
      throw new UserFacingException("plandispatch.assigned.superseded");
    }
    DispatchTarget target =
        plans.targets(taskId).stream()
            .filter(g -> g.position() == position)
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandispatch.target.not-found"));
    if (!target.assigned()) {
      throw new UserFacingException("plandispatch.assigned.not-assigned");
    }
    AssignedFigure figure =
        new AssignedFigure(
            number(value),
            comparator(comparator),
            TypedText.optional(unit, 40),
            TypedText.optional(source, 500)
                .orElseThrow(() -> new UserFacingException("plandispatch.assigned.source")),
            user.getUsername(),
            OffsetDateTime.now(clock));
    figures.put(taskId, position, figure);
    DispatchTarget entered =
        plans.targets(taskId).stream().filter(g -> g.position() == position).findFirst().get();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("target", target.label());
    after.put("goal", entered.goal());
    after.put("source", figure.source());
    audit.record(
        target.assignedFigure().isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
        PlanDispatchService.TASK,
        taskId,
        messages.get("plandispatch.audit.assigned", task.title(), entered.goal(), figure.source()),
        target.assignedFigure().map(f -> Map.of("goal", target.goal(), "source", f.source())),
        Optional.of(after));
    return entered;
  }

  private static BigDecimal number(String value) {
    if (value == null || value.isBlank()) {
      throw new UserFacingException("plandispatch.assigned.value.required");
    }
    return FigureAmount.parse(value)
        .orElseThrow(
            () -> new UserFacingException("plandispatch.assigned.value.number", value.strip()));
  }

  private static String comparator(String comparator) {
    String c = comparator == null ? "" : comparator.strip();
    if (c.isEmpty()) {
      throw new UserFacingException("plandispatch.assigned.comparator.required");
    }
    if (!PlanReviewService.COMPARATORS.contains(c)) {
      throw new UserFacingException("plandispatch.target.comparator", c);
    }
    return c;
  }
}
