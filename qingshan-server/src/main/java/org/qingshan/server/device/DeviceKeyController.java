package org.qingshan.server.device;

import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin sets a device's SM4 key on its edit page, or changes it from the device page. The key is
 * never echoed: a refused key comes back as a reason only, the form field empty.
 */
@Controller
@RequestMapping("/devices/{id}/sm4-key")
class DeviceKeyController {
  private final DeviceKeys keys;

  DeviceKeyController(DeviceKeys keys) {
    this.keys = keys;
  }

  @PostMapping
  String set(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String key,
      RedirectAttributes redirect) {
    try {
      keys.set(id, key);
      redirect.addFlashAttribute("notice", "device.sm4.saved");
      return "redirect:/devices/" + id;
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("keyError", e.messageKey());
      return "redirect:/devices/" + id + "/edit";
    }
  }

  @PostMapping("/change")
  String change(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String key,
      RedirectAttributes redirect) {
    try {
      KeyChange change = keys.requestChange(id, key);
      redirect.addFlashAttribute(
          "notice",
          change.state() == KeyChangeState.NOT_SENT
              ? "device.sm4.change-not-sent"
              : "device.sm4.change-sent");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("keyError", e.messageKey());
    }
    return "redirect:/devices/" + id;
  }
}
