-- A task of a published plan past its due date without completion, told to the planners and the
-- leadership once: the day it was told.
CREATE TABLE plan_deadline_notice (
    task_id      BIGINT        NOT NULL PRIMARY KEY REFERENCES dispatch_task (id),
    notified_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
