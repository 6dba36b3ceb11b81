-- 报送提醒: the liaisons of a department that has not reported on a plan for a period are told in
-- the application, once per department, plan (all its versions: the series) and period: DUE some
-- days before the period's report is due, OVERDUE once after it passed without a report.
CREATE TABLE plan_report_reminder (
    plan_series_id  BIGINT        NOT NULL REFERENCES dispatch_plan (id),
    department_id   BIGINT        NOT NULL REFERENCES department (id),
    period_start    DATE          NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    liaisons        INT           NOT NULL,
    notified_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_series_id, department_id, period_start, kind)
);
