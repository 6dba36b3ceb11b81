package org.qingshan.server.roster;

import java.time.LocalDate;

/** One person on one shift of one day. */
public record RosterEntry(LocalDate date, String shift, String username, String displayName) {}
