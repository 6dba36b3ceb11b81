package org.qingshan.server.registry;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.security.DepartmentOwned;

/** A pollution source's operator (排污单位), known by its 统一社会信用代码. */
public record Enterprise(
    long id,
    String name,
    CreditCode creditCode,
    Optional<String> industryCode,
    Optional<String> industryName,
    Optional<String> address,
    Optional<String> town,
    Optional<String> grid,
    Optional<Long> departmentId,
    Optional<Double> longitude,
    Optional<Double> latitude,
    Set<KeyPolluterCategory> keyCategories,
    Optional<String> permitNumber,
    Optional<PermitClass> permitClass,
    Optional<LocalDate> permitValidFrom,
    Optional<LocalDate> permitValidTo,
    Optional<String> contactName,
    Optional<String> contactPhone)
    implements DepartmentOwned {
  public Enterprise {
    keyCategories = Set.copyOf(keyCategories);
  }

  /** This enterprise as record {@code id} of department {@code departmentId}. */
  public Enterprise with(long id, Optional<Long> departmentId) {
    return new Enterprise(
        id,
        name,
        creditCode,
        industryCode,
        industryName,
        address,
        town,
        grid,
        departmentId,
        longitude,
        latitude,
        keyCategories,
        permitNumber,
        permitClass,
        permitValidFrom,
        permitValidTo,
        contactName,
        contactPhone);
  }

  @Override
  public Optional<Long> owningDepartment() {
    return departmentId;
  }
}
