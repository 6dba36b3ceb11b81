-- 规划调度: a task's dated target whose value a higher level sets (完成市下达的年度减排任务), and the figure
-- the planner enters when the city or the province assigns it, with its source (市生态环境局2026年3月下达)
-- and who entered it when. An assigned figure is no correction of the plan: it makes no new version.
ALTER TABLE dispatch_target ADD COLUMN assigned BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE dispatch_assigned_target (
    task_id          BIGINT         NOT NULL,
    target_position  INT            NOT NULL,
    amount           DECIMAL(20, 6) NOT NULL,
    comparator       VARCHAR(20)    NOT NULL,
    unit             VARCHAR(40),
    source           VARCHAR(500)   NOT NULL,
    assigned_by      VARCHAR(64)    NOT NULL,
    assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, target_position),
    FOREIGN KEY (task_id, target_position) REFERENCES dispatch_target (task_id, position)
);

-- Targets imported before: those without a value whose text has a level assigning a task, target or
-- quota (the importer's rule, AssignedClause, decides for plans imported from now on).
UPDATE dispatch_target SET assigned = TRUE
 WHERE target_value IS NULL
   AND (text LIKE '%市下达%' OR text LIKE '%省下达%' OR text LIKE '%上级下达%' OR text LIKE '%国家下达%')
   AND (text LIKE '%下达%任务%' OR text LIKE '%下达%目标%' OR text LIKE '%下达%指标%');
