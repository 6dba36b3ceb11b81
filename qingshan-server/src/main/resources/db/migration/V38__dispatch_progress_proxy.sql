-- 代报: a report the bureau (planner, admin) made on behalf of a department the task names. The
-- report is that department's (department_id, role); this is the reporting user's own department,
-- shown as "（牵头，规划科李明代报）". Empty: the department reported itself.
ALTER TABLE dispatch_progress ADD COLUMN proxy_department_id BIGINT REFERENCES department (id);
