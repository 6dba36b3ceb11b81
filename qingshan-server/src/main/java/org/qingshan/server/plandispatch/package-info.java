/**
 * 规划调度 (issue 17, part 1): plans imported by {@code qingshan-plan} stored as task trees (chapter,
 * section, task, sub-task; migration V28; a sub-task is an item （1）/① of a task, stored under it
 * with its own units or, naming none, a copy of its task's, and reported on like a task — the
 * dashboard and the evaluation count tasks and sub-tasks alike), each unit resolved to a department
 * through the alias table or kept as written; drafts published to the departments; a correction is
 * the next version of the same plan (the published one before it is kept as superseded); a
 * department's reports on its tasks with evidence files (the lead department's report sets the
 * task's status, a supporting department's is attached; a report from a stale version is refused);
 * indicators with their yearly values and sources; key projects as the importer gives them. The
 * JSON API is {@code /api/v1/plans…} and {@code /api/v1/tasks…}; the pages are under {@code
 * /dispatch}. Due dates are judged on the county's date (Asia/Shanghai) of the server's clock.
 *
 * <p>Not here yet: dashboards, reminders and 催办, the evaluation documents, the public page.
 */
package org.qingshan.server.plandispatch;
