package org.qingshan.server.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.NotificationRepository.Notification;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.TimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 我的通知: the logged-in user's own notices, newest first, searchable, exportable; opening one marks
 * it read and follows its link. Nobody sees another's notices.
 */
@Controller
@RequestMapping("/notifications")
@Tag(name = "通知", description = "本人的站内通知")
class NotificationController {
  private final NotificationRepository notifications;
  private final CurrentUser currentUser;
  private final ExcelExport excel;
  private final Messages messages;
  private final TimeFormat times;
  private final AuditLog audit;
  private final Clock clock;

  NotificationController(
      NotificationRepository notifications,
      CurrentUser currentUser,
      ExcelExport excel,
      Messages messages,
      TimeFormat times,
      AuditLog audit,
      Clock clock) {
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.excel = excel;
    this.messages = messages;
    this.times = times;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    String me = me();
    model.addAttribute("page", notifications.page(me, SearchText.of(q), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("unread", notifications.unread(me));
    return "notifications/list";
  }

  @GetMapping("/export")
  void export(@RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    PageResult<Notification> all = notifications.page(me(), SearchText.of(q), PageQuery.EXPORT);
    String title = messages.get("nav.notifications");
    audit.recordExport("notification", title, Optional.ofNullable(q), all.items().size());
    excel.write(
        response,
        title,
        messages.all("notification.at", "notification.text", "notification.read-at"),
        all.items().stream()
            .<List<?>>map(
                n ->
                    List.of(
                        times.minutes(n.createdAt()),
                        n.text(),
                        n.readAt().map(times::minutes).orElse("")))
            .toList());
  }

  @GetMapping("/unread.json")
  @ResponseBody
  @Operation(summary = "本人未读通知数")
  UnreadCount unread() {
    return new UnreadCount(notifications.unread(me()));
  }

  /** Marks the notice read and opens what it is about. */
  @PostMapping("/{id}/read")
  String read(@PathVariable long id) {
    return notifications
        .markRead(id, me(), OffsetDateTime.now(clock))
        .filter(link -> link.startsWith("/") && !link.startsWith("//"))
        .map(link -> "redirect:" + link)
        .orElse("redirect:/notifications");
  }

  @PostMapping("/read-all")
  String readAll() {
    notifications.markAllRead(me(), OffsetDateTime.now(clock));
    return "redirect:/notifications";
  }

  private String me() {
    return currentUser.require().getUsername();
  }

  /** The number of the user's unread notices. */
  record UnreadCount(long count) {}
}
