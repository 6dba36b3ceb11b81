-- Year-to-date emission against the permitted annual total: 即将超标 at 80 %, 已超标 at 100 %
-- (qingshan.alarm.permit-*-percent; a threshold on the rule sets the approaching share).
INSERT INTO alarm_rule (name, type, severity, enabled, created_at, updated_at)
VALUES ('排放总量即将超标/已超标', 'PERMIT_TOTAL', 'MAJOR', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
