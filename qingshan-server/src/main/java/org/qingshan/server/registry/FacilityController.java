package org.qingshan.server.registry;

import static org.qingshan.server.registry.EnterpriseController.act;
import static org.qingshan.server.registry.OutletController.optional;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An enterprise's production lines and treatment facilities, which treats which, and their meter
 * and state channels: inline forms of 一企一档.
 */
@Controller
@RequestMapping("/enterprises/{eid}/facilities")
class FacilityController {
  private final RegistryService service;
  private final RegistryAccess access;

  FacilityController(RegistryService service, RegistryAccess access) {
    this.service = service;
    this.access = access;
  }

  @PostMapping
  String save(
      @PathVariable long eid,
      @RequestParam(required = false) Long facilityId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam FacilityKind kind,
      @RequestParam(required = false) Double ratedPowerKw,
      @RequestParam(required = false) Double ratedCurrentA,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        back(eid),
        redirect,
        "registry.facility.saved",
        () ->
            service.saveFacility(
                eid,
                Optional.ofNullable(facilityId),
                new Facility(
                    0, eid, name.trim(), kind, optional(ratedPowerKw), optional(ratedCurrentA))));
  }

  @PostMapping("/links")
  String link(
      @PathVariable long eid,
      @RequestParam long productionId,
      @RequestParam long treatmentId,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        back(eid),
        redirect,
        "registry.facility.linked",
        () -> service.link(eid, productionId, treatmentId));
  }

  @PostMapping("/links/delete")
  String unlink(
      @PathVariable long eid,
      @RequestParam long productionId,
      @RequestParam long treatmentId,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        back(eid),
        redirect,
        "registry.facility.unlinked",
        () -> service.unlink(eid, productionId, treatmentId));
  }

  @PostMapping("/{fid}/channels")
  String addChannel(
      @PathVariable long eid,
      @PathVariable long fid,
      @RequestParam long deviceId,
      @RequestParam(defaultValue = "") String code,
      @RequestParam ChannelKind kind,
      RedirectAttributes redirect) {
    access.require(eid);
    return act(
        back(eid),
        redirect,
        "registry.channel.saved",
        () -> service.addChannel(eid, fid, deviceId, code, kind));
  }

  @PostMapping("/channels/{cid}/delete")
  String removeChannel(
      @PathVariable long eid, @PathVariable long cid, RedirectAttributes redirect) {
    access.require(eid);
    return act(
        back(eid), redirect, "registry.channel.removed", () -> service.removeChannel(eid, cid));
  }

  private static String back(long eid) {
    return "/enterprises/" + eid + "#facilities";
  }
}
