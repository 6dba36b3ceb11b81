-- HJ 212-2025 ST=45 (关键生产工况): the mark of each production state code (p…) at each time, a row
-- each. Kept apart from data_packet, whose key (device, CN, DataTime) an electricity meter's ST=44
-- real-time packet of the same time already takes when one logger sends both.
CREATE TABLE production_state (
    device_id   BIGINT       NOT NULL REFERENCES device (id),
    code        VARCHAR(32)  NOT NULL,
    data_time   TIMESTAMP    NOT NULL,
    mark        VARCHAR(16)  NOT NULL,
    backfilled  BOOLEAN      DEFAULT FALSE NOT NULL,
    PRIMARY KEY (device_id, code, data_time)
);
