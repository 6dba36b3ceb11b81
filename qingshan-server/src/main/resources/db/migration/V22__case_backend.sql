-- 自动生成案件: an alarm this rule raises opens a case at once (as the system).
ALTER TABLE alarm_rule ADD COLUMN auto_case BOOLEAN NOT NULL DEFAULT FALSE;

-- Reminders the escalation clock sent that change no level: 临期提醒 (DUE_SOON) and the overdue
-- acceptance of a public report (ACCEPT_BY), once per case, kind and the deadline they were about
-- (an extended deadline earns a new reminder).
CREATE TABLE case_reminder (
    case_id   BIGINT      NOT NULL REFERENCES case_file (id),
    kind      VARCHAR(20) NOT NULL,
    due_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, kind, due_at)
);
