package org.qingshan.server.portal;

import java.util.Optional;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.duty.DutyAlarm;
import org.qingshan.server.duty.DutyAlarms;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What an enterprise user may see: their own enterprise and nothing else. A record of another
 * enterprise asked for by id is refused (403) and the attempt audited, as a user editing an id in
 * the address should be.
 */
@Component
class PortalAccess {
  static final String ALARM = "alarm";

  private final CurrentUser user;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;
  private final DutyAlarms alarms;
  private final ApplicationEventPublisher events;

  PortalAccess(
      CurrentUser user,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      DeviceRegistry devices,
      DutyAlarms alarms,
      ApplicationEventPublisher events) {
    this.user = user;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.devices = devices;
    this.alarms = alarms;
    this.events = events;
  }

  /** The user's enterprise, if an administrator has linked the account to one. */
  Optional<Enterprise> enterprise() {
    return enterprises.enterpriseOfUser(user.require().userId()).flatMap(enterprises::findById);
  }

  Enterprise requireEnterprise() {
    return enterprise().orElseThrow(() -> new UserFacingException("portal.error.no-enterprise"));
  }

  /** An alarm of the user's enterprise. */
  DutyAlarm alarm(long id) {
    Enterprise own = requireEnterprise();
    DutyAlarm alarm = alarms.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    if (alarm.enterpriseId().filter(e -> e == own.id()).isEmpty()) {
      throw refused(ALARM, id);
    }
    return alarm;
  }

  /** A device measuring an outlet of the user's enterprise. */
  Device device(long id) {
    Enterprise own = requireEnterprise();
    Device device = devices.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    boolean ours =
        outlets
            .outletOfDevice(id)
            .flatMap(outlets::findById)
            .filter(o -> o.enterpriseId() == own.id())
            .isPresent();
    if (!ours) {
      throw refused(DeviceRegistry.ENTITY, id);
    }
    return device;
  }

  private AccessDeniedException refused(String entity, long id) {
    events.publishEvent(new RecordRefused(entity, Optional.of(id)));
    return new AccessDeniedException(entity + " " + id + " is not of the user's enterprise");
  }
}
