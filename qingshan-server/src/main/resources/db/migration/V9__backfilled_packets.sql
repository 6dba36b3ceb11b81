-- HJ 212-2025 marks a packet a device sends again RF=1: kept as back-filled, so that rules and
-- statistics can tell late data from live. Packets of earlier versions are never marked.
ALTER TABLE data_packet ADD COLUMN backfilled BOOLEAN DEFAULT FALSE NOT NULL;
