package org.qingshan.server.alarm;

/**
 * Announced after the commit that opened, updated, ended, acknowledged or closed an alarm, so that
 * screens on duty refresh at once and notifications go out.
 */
public record AlarmChanged(long alarmId, AlarmStatus status, boolean opened) {}
