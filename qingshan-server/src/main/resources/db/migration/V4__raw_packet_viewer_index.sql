-- The raw packet viewer pages a device's packets newest first.
CREATE INDEX received_packet_device_id_idx ON received_packet (device_id, id);
