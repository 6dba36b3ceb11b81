-- HJ 212-2025 network activation: a logger without an MN sends CN=1001 with its serial, CPUID and
-- MACs; an admin registers it, the platform assigns a 24-character MN and sends it with CN=1002,
-- and the logger's 9011/9012 answers complete the registration.
CREATE TABLE device_activation (
    serial        VARCHAR(64)  PRIMARY KEY,
    cpu_id        VARCHAR(64),
    mac1          VARCHAR(64),
    mac2          VARCHAR(64),
    st            VARCHAR(4),
    remote_addr   VARCHAR(64),
    attempts      BIGINT       NOT NULL,
    mismatches    BIGINT       NOT NULL DEFAULT 0,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    assigned_mn   VARCHAR(32),
    device_id     BIGINT,
    assign_qn     VARCHAR(20),
    state_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX device_activation_qn_idx ON device_activation (assign_qn);
