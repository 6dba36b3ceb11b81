package org.qingshan.server.device;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.security.DepartmentOwned;

/** A registered data acquisition unit (数采仪), known by its MN. */
public record Device(
    long id,
    String mn,
    String password,
    String st,
    String name,
    DeviceKind kind,
    Optional<String> site,
    Optional<Long> departmentId,
    ProtocolVersion protocol,
    CrcDialect crcDialect,
    boolean hourDataExpected,
    boolean blocked,
    Optional<Double> longitude,
    Optional<Double> latitude,
    Optional<OffsetDateTime> lastSeenAt)
    implements DepartmentOwned {

  @Override
  public Optional<Long> owningDepartment() {
    return departmentId;
  }

  /** What the audit log keeps of a device: everything but its password. */
  public Device withoutPassword() {
    return new Device(
        id,
        mn,
        "******",
        st,
        name,
        kind,
        site,
        departmentId,
        protocol,
        crcDialect,
        hourDataExpected,
        blocked,
        longitude,
        latitude,
        lastSeenAt);
  }
}
