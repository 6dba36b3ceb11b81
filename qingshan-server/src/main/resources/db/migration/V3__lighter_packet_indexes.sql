-- Every index on received_packet is written for every packet: keep only the keys that detect
-- duplicates. The raw packet viewer reads by device through the key index; the daily retention
-- job scans, which it can afford once a day.
DROP INDEX received_packet_received_idx;
DROP INDEX received_packet_device_idx;
