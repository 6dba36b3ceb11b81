-- 规划看板 (its reporting schedule is the plan's own, dispatch_plan.report_schedule): what the
-- planner fills in for
-- indicators the importer could not judge (a target assigned by a higher level; a qualitative
-- judgement with its reason).
CREATE TABLE plan_dashboard_indicator_note (
    indicator_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES dispatch_indicator (id),
    assigned_target  DECIMAL(20, 6),
    judgement        VARCHAR(16),
    reason           VARCHAR(2000),
    updated_by       VARCHAR(64)   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
