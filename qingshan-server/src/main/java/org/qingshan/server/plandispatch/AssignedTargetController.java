package org.qingshan.server.plandispatch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task page's form for a target a higher level sets: the planner enters the figure the city or
 * the province assigned (under /dispatch/review: those who review plans may).
 */
@Controller
class AssignedTargetController {
  private final AssignedTargetService assigned;

  AssignedTargetController(AssignedTargetService assigned) {
    this.assigned = assigned;
  }

  @PostMapping("/dispatch/review/tasks/{taskId}/targets/{position}/assigned")
  String enter(
      @PathVariable long taskId,
      @PathVariable int position,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String comparator,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String source,
      RedirectAttributes redirect) {
    assigned.enter(taskId, position, value, comparator, unit, source);
    redirect.addFlashAttribute("notice", "plandispatch.assigned.done");
    return "redirect:/dispatch/tasks/" + taskId + "#targets";
  }
}
