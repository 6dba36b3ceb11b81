-- 规划调度: the figures a report gives for its task's dated targets (dispatch_target, by its
-- position in the task), a number each with an optional note. Only the report that is the task's
-- report (lead, or responsible where none leads, or the bureau) carries figures.
CREATE TABLE dispatch_figure (
    progress_id      BIGINT         NOT NULL REFERENCES dispatch_progress (id),
    target_position  INT            NOT NULL,
    amount           DECIMAL(20, 6) NOT NULL,
    note             VARCHAR(500),
    PRIMARY KEY (progress_id, target_position)
);
