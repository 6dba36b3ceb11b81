-- 规划调度, a new version's lineage: the task of the version a draft was copied from (修订), so that
-- on publishing the departments' reports follow each task even where the planner corrected its
-- title; and the report a carried report was copied from (the original keeps its version's history).
ALTER TABLE dispatch_task ADD COLUMN origin_task_id BIGINT REFERENCES dispatch_task (id);
ALTER TABLE dispatch_progress ADD COLUMN origin_progress_id BIGINT REFERENCES dispatch_progress (id);
