-- A device's SM4 key (HJ 212-2025), sealed with AES-GCM under the server's master key: a dump of
-- the database alone does not reveal it. The pending columns hold a key change sent with CN=1014
-- until the device confirms it (9012), refuses it, or the answer does not come in time.
CREATE TABLE device_key (
    device_id         BIGINT PRIMARY KEY REFERENCES device (id),
    sealed_key        VARCHAR(200),
    set_at            TIMESTAMP WITH TIME ZONE,
    pending_key       VARCHAR(200),
    change_qn         VARCHAR(20),
    change_state      VARCHAR(20),
    change_started_at TIMESTAMP WITH TIME ZONE,
    change_ended_at   TIMESTAMP WITH TIME ZONE
);

-- The protocol version the device's packets last declared (Flag), beside the registered one.
ALTER TABLE device ADD COLUMN seen_protocol VARCHAR(20);
ALTER TABLE device ADD COLUMN seen_protocol_at TIMESTAMP WITH TIME ZONE;
