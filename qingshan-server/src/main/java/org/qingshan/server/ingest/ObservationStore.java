package org.qingshan.server.ingest;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.gateway.StoreResult;
import org.qingshan.hj212.packet.Packet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of packets in one transaction: each data packet once (a resent one is a duplicate
 * by device, command and DataTime), real-time values in the packet's row, minute, hour and day
 * values a row each, and the answers to commands. One transaction per batch is what makes the store
 * keep up with thousands of devices.
 */
@Component
class ObservationStore {
  private static final String INSERT_PACKET =
      "INSERT INTO data_packet (device_id, cn, data_time, qn, received_at, remote_addr, readings,"
          + " raw, backfilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  // No conflict handling here: the packet key already let only new packets through, and a
  // conflict-checking insert costs a lookup per row on the hottest table.
  private static final String INSERT_OBSERVATION =
      "INSERT INTO observation (device_id, kind, factor, data_time, val, min_val, max_val,"
          + " cou_val, converted, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String COMMAND_RESULT =
      "UPDATE device_command SET status = ?, answered_at = ?, answer = COALESCE(answer, ?)"
          + " WHERE device_id = ? AND qn = ?";
  // Data a device returns for a request is kept even when its 9012 result comes later.
  private static final String COMMAND_DATA =
      "UPDATE device_command SET answer = ?, answered_at = ?, status = CASE WHEN status IN"
          + " ('SENT', 'ACCEPTED') THEN 'ANSWERED' ELSE status END WHERE device_id = ? AND qn = ?";

  // A part's frame is at most 10,009 bytes (its length field has four digits): the first part is
  // always kept whole.
  private static final int MAX_RAW_BYTES = 20_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final IngestDevices devices;
  private final ZoneId zone;

  ObservationStore(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      IngestDevices devices,
      GatewaySettings settings) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.devices = devices;
    this.zone = ZoneId.of(settings.timeZone());
  }

  private record DataRow(
      int index,
      long deviceId,
      ReceivedPacket received,
      LocalDateTime time,
      Optional<ObservationKind> kind,
      List<Observation> values) {}

  private record AnswerRow(long deviceId, String qn, CommandStatus status, String answer) {}

  /** A packet of production states (ST=45): its marks, a row each. */
  private record StateRow(
      int index,
      long deviceId,
      LocalDateTime time,
      boolean backfilled,
      List<ProductionStates.Mark> marks) {}

  private record StateInsert(StateRow row, ProductionStates.Mark mark) {}

  private static final String INSERT_STATE =
      "INSERT INTO production_state (device_id, code, data_time, mark, backfilled)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  List<StoreResult> write(List<ReceivedPacket> batch) {
    return transaction.execute(tx -> writeInTransaction(batch));
  }

  private List<StoreResult> writeInTransaction(List<ReceivedPacket> batch) {
    List<StoreResult> results = new ArrayList<>(batch.size());
    List<DataRow> data = new ArrayList<>();
    List<AnswerRow> answers = new ArrayList<>();
    List<StateRow> states = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      ReceivedPacket received = batch.get(i);
      Packet packet = received.packet();
      OptionalLong device = devices.idOf(packet.mn());
      if (device.isEmpty()) {
        results.add(StoreResult.FAILED);
        continue;
      }
      results.add(StoreResult.STORED);
      classify(i, device.getAsLong(), received, data, answers, states);
    }
    int[] inserted = insertPackets(data);
    List<Observation> observations = new ArrayList<>();
    for (int j = 0; j < data.size(); j++) {
      DataRow row = data.get(j);
      if (inserted[j] == 0) {
        results.set(row.index(), StoreResult.DUPLICATE);
      } else if (!inPacketRow(row)) {
        observations.addAll(row.values());
      }
    }
    insertObservations(observations);
    insertStates(states, results);
    answerCommands(answers);
    return results;
  }

  private void classify(
      int index,
      long deviceId,
      ReceivedPacket received,
      List<DataRow> data,
      List<AnswerRow> out,
      List<StateRow> states) {
    Packet packet = received.packet();
    String cn = packet.cn();
    if (Heartbeat.is(packet)) {
      return; // heard (the device stays online), but not data and no answer to a command
    }
    if (ProductionStates.is(packet)) {
      List<ProductionStates.Mark> marks = ProductionStates.marks(packet);
      if (!marks.isEmpty()) {
        states.add(
            new StateRow(
                index, deviceId, PacketRows.dataTime(received, zone), packet.resent(), marks));
        return;
      }
    }
    if (cn.equals(CommandCode.REQUEST_ANSWER) || cn.equals(CommandCode.EXECUTION_RESULT)) {
      packet
          .answeredQn()
          .ifPresent(
              qn -> out.add(new AnswerRow(deviceId, qn, CommandStatus.of(packet), cp(packet))));
      return;
    }
    Optional<ObservationKind> kind = ObservationKind.ofCn(cn);
    if (kind.isPresent() || packet.cp().dataTime().isPresent()) {
      LocalDateTime time = PacketRows.dataTime(received, zone);
      List<Observation> values =
          kind.map(k -> PacketRows.observations(deviceId, k, packet, time)).orElse(List.of());
      data.add(new DataRow(index, deviceId, received, time, kind, values));
      return;
    }
    // Uploads without a DataTime answer a request (1011 SystemTime, 1061 RtdInterval …).
    packet
        .qn()
        .ifPresent(qn -> out.add(new AnswerRow(deviceId, qn, CommandStatus.ANSWERED, cp(packet))));
  }

  private static String cp(Packet packet) {
    return PacketRows.truncate(packet.cp().text(), 2000);
  }

  private int[] insertPackets(List<DataRow> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    // Typed setters: the generic ones look up each parameter's SQL type, a tenth of ingest time.
    int[][] counts =
        jdbc.batchUpdate(
            INSERT_PACKET,
            rows,
            rows.size(),
            (PreparedStatement ps, DataRow r) -> {
              Packet p = r.received().packet();
              ps.setLong(1, r.deviceId());
              ps.setString(2, p.cn());
              ps.setTimestamp(3, Timestamp.valueOf(r.time()));
              ps.setString(4, p.qn().orElse(null));
              ps.setObject(5, r.received().receivedAt().atOffset(ZoneOffset.UTC));
              ps.setString(6, PacketRows.truncate(r.received().remoteAddress(), 64));
              ps.setBytes(7, inPacketRow(r) ? PacketReadings.encode(r.values()) : null);
              ps.setBytes(8, rawBytes(r.received()));
              ps.setBoolean(9, p.resent());
            });
    return counts.length == 0 ? new int[0] : counts[0];
  }

  /** Real-time values live in their packet's row; aggregates get a row each. */
  private static boolean inPacketRow(DataRow row) {
    return row.kind().filter(k -> k == ObservationKind.REALTIME).isPresent();
  }

  /**
   * The packet's bytes as received, its parts a line each (CR LF, as HJ 212 ends a packet): exactly
   * what the device sent, so that it can be downloaded and sent again. Parts beyond the bound are
   * left out whole, so that what is kept stays packets.
   */
  private static byte[] rawBytes(ReceivedPacket received) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    for (Packet part : received.parts()) {
      byte[] bytes = part.rawBytes();
      byte[] frame = bytes.length > 0 ? bytes : PacketEncoder.frame(part);
      int needed = (out.size() > 0 ? RawText.LINE_END.length : 0) + frame.length;
      if (out.size() > 0 && out.size() + needed > MAX_RAW_BYTES) {
        break;
      }
      if (out.size() > 0) {
        out.writeBytes(RawText.LINE_END);
      }
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  private void insertObservations(List<Observation> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        INSERT_OBSERVATION,
        rows,
        rows.size(),
        (PreparedStatement ps, Observation o) -> {
          ps.setLong(1, o.deviceId());
          ps.setString(2, o.kind().name());
          ps.setString(3, o.factor());
          ps.setTimestamp(4, Timestamp.valueOf(o.dataTime()));
          setDouble(ps, 5, o.value());
          setDouble(ps, 6, o.min());
          setDouble(ps, 7, o.max());
          setDouble(ps, 8, o.cou());
          setDouble(ps, 9, o.converted());
          ps.setString(10, o.flag().orElse(null));
        });
  }

  /** Each mark once; a packet none of whose marks was new is a duplicate. */
  private void insertStates(List<StateRow> states, List<StoreResult> results) {
    if (states.isEmpty()) {
      return;
    }
    List<StateInsert> rows = new ArrayList<>();
    for (StateRow r : states) {
      r.marks().forEach(m -> rows.add(new StateInsert(r, m)));
    }
    int[][] counts =
        jdbc.batchUpdate(
            INSERT_STATE,
            rows,
            rows.size(),
            (PreparedStatement ps, StateInsert i) -> {
              ps.setLong(1, i.row().deviceId());
              ps.setString(2, i.mark().code());
              ps.setTimestamp(3, Timestamp.valueOf(i.row().time()));
              ps.setString(4, i.mark().mark());
              ps.setBoolean(5, i.row().backfilled());
            });
    int[] inserted = counts.length == 0 ? new int[0] : counts[0];
    boolean[] anyNew = new boolean[results.size()];
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] != 0) {
        anyNew[rows.get(i).row().index()] = true;
      }
    }
    for (StateRow r : states) {
      if (!anyNew[r.index()]) {
        results.set(r.index(), StoreResult.DUPLICATE);
      }
    }
  }

  private void answerCommands(List<AnswerRow> answers) {
    OffsetDateTime now = OffsetDateTime.now();
    for (AnswerRow a : answers) {
      if (a.status() == CommandStatus.ANSWERED) {
        jdbc.update(COMMAND_DATA, a.answer(), now, a.deviceId(), a.qn());
      } else {
        jdbc.update(COMMAND_RESULT, a.status().name(), now, a.answer(), a.deviceId(), a.qn());
      }
    }
  }

  private static void setDouble(PreparedStatement ps, int index, OptionalDouble v)
      throws SQLException {
    if (v.isPresent()) {
      ps.setDouble(index, v.getAsDouble());
    } else {
      ps.setNull(index, Types.DOUBLE);
    }
  }
}
