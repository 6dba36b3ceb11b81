package org.qingshan.server.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/** Puts together the duty log of a day (county local midnight to midnight). */
@Service
public class DutyLogService {
  private final DutyLogRepository repository;
  private final RosterService roster;
  private final RosterShifts shifts;

  DutyLogService(DutyLogRepository repository, RosterService roster, RosterShifts shifts) {
    this.repository = repository;
    this.roster = roster;
    this.shifts = shifts;
  }

  public DutyLog of(LocalDate date) {
    OffsetDateTime from = date.atStartOfDay(shifts.zone()).toOffsetDateTime();
    OffsetDateTime to = date.plusDays(1).atStartOfDay(shifts.zone()).toOffsetDateTime();
    List<DutyLog.Shift> onDuty =
        shifts.slotsOf(date).stream()
            .map(
                s ->
                    new DutyLog.Shift(
                        s, roster.of(s).stream().map(RosterEntry::displayName).toList()))
            .toList();
    return new DutyLog(
        date,
        onDuty,
        repository.alarmsRaised(from, to),
        repository.alarmsClosed(from, to),
        repository.casesOpened(from, to),
        repository.casesClosed(from, to),
        roster.notesOfDay(date));
  }
}
