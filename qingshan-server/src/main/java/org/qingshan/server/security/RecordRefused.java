package org.qingshan.server.security;

import java.util.Optional;

/**
 * A logged-in user refused a record outside their data scope (another department's id in the
 * address, or a form naming another department), announced for the audit log. Listeners run in the
 * refused request's thread, before its transaction rolls back.
 *
 * @param entity the kind of record, as the audit log names it ({@code contact}, {@code device})
 * @param recordId the record asked for, where there is one
 */
public record RecordRefused(String entity, Optional<Long> recordId) {}
