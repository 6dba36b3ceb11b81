package org.qingshan.hj212.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.qingshan.hj212.client.PacketReplay;
import org.qingshan.hj212.client.PacketReplay.Outcome;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.ErrorKind;
import org.qingshan.hj212.packet.Packet;

/**
 * {@code qingshan hj212 replay}: sends the packets of a file (as the raw packet download of a
 * device page gives them, or any HJ 212 byte stream) to a centre again, each device on its own
 * connection, and prints one JSON line per packet with what became of it.
 */
public final class Hj212ReplayCommand {
  static final String USAGE =
      "usage: qingshan hj212 replay [--host HOST] [--port 9212] [--timeout SECONDS]"
          + " [--max-length N] [--crc strict|modbus|ignore] [FILE]   (standard input without FILE)";

  /** Devices replayed at the same time, each on a connection of its own. */
  static final int PARALLEL_DEVICES = 64;

  private Hj212ReplayCommand() {}

  /** One frame of the input: its packet when valid, else why not. */
  private record Item(Optional<Packet> packet, DecodeResult result) {}

  /**
   * Runs the command.
   *
   * @param args what follows {@code hj212 replay}
   * @return 0 when every packet was sent and each that asks for an answer got it, 1 when some
   *     packet was invalid, unanswered or not sent, or the input unreadable, 2 on a usage error
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = 9212;
    int timeoutSeconds = 10;
    // A device known to send the byte-swapped Modbus CRC is replayed as it was received; the
    // centre checks each device's CRC as it knows the device.
    DecoderOptions options =
        DecoderOptions.defaults().withCrcPolicy(mn -> CrcDialect.ACCEPT_SWAPPED_MODBUS);
    Optional<Path> file = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : "";
      switch (a) {
        case "-h", "--help" -> {
          out.println(USAGE);
          out.println(
              "Sends each device's packets, their bytes unchanged, on a connection of its own and"
                  + " waits for each answer the packet asks for. Prints one JSON line per packet:"
                  + " {\"result\":\"answered\"|\"sent\"|\"no-answer\"|\"not-sent\"|\"invalid\","
                  + "\"reason\",\"cn\",\"mn\",\"qn\",\"dataTime\"}.");
          return 0;
        }
        case "--host" -> {
          if (value.isBlank()) {
            return usage(err, "--host needs a host name or address");
          }
          host = value;
          i++;
        }
        case "--port" -> {
          Optional<Integer> n = CommandSupport.number(value);
          if (n.isEmpty() || n.get() < 1 || n.get() > 65535) {
            return usage(err, "--port needs a number 1..65535");
          }
          port = n.get();
          i++;
        }
        case "--timeout" -> {
          Optional<Integer> n = CommandSupport.number(value);
          if (n.isEmpty() || n.get() < 1 || n.get() > 600) {
            return usage(err, "--timeout needs seconds 1..600");
          }
          timeoutSeconds = n.get();
          i++;
        }
        case "--max-length" -> {
          Optional<Integer> n = CommandSupport.number(value);
          if (n.isEmpty() || n.get() < 0 || n.get() > 9999) {
            return usage(err, "--max-length needs a number 0..9999");
          }
          options = options.withMaxSegmentLength(n.get());
          i++;
        }
        case "--crc" -> {
          Optional<CrcDialect> d = CommandSupport.dialect(value);
          if (d.isEmpty()) {
            return usage(err, "--crc needs strict, modbus or ignore");
          }
          CrcDialect dialect = d.get();
          options = options.withCrcPolicy(mn -> dialect);
          i++;
        }
        default -> {
          if (a.startsWith("-") || file.isPresent()) {
            return usage(err, "unknown argument: " + a);
          }
          file = Optional.of(Path.of(a));
        }
      }
    }
    List<Item> items = new ArrayList<>();
    try (InputStream source = file.isPresent() ? Files.newInputStream(file.get()) : in) {
      PacketStream.read(source, options, r -> items.add(new Item(r.packet(), r)));
    } catch (IOException e) {
      err.println(
          "error: cannot read "
              + file.map(Path::toString).orElse("standard input")
              + ": "
              + e.getMessage());
      return 1;
    }
    try (PacketReplay replay = new PacketReplay(host, port, Duration.ofSeconds(timeoutSeconds))) {
      Map<Integer, Outcome> outcomes = replayByDevice(items, replay, err);
      return report(items, outcomes, host + ":" + port, out, err);
    } catch (IOException e) {
      err.println("error: cannot write the results: " + e.getMessage());
      return 1;
    }
  }

  /** Each valid packet's outcome by its place in the input. */
  private static Map<Integer, Outcome> replayByDevice(
      List<Item> items, PacketReplay replay, PrintStream err) {
    Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Optional<Packet> p = items.get(i).packet();
      if (p.isPresent()) {
        byDevice.computeIfAbsent(p.get().mn(), k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
    Semaphore slots = new Semaphore(PARALLEL_DEVICES);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> device : byDevice.entrySet()) {
      slots.acquireUninterruptibly();
      List<Integer> places = device.getValue();
      List<Packet> packets = places.stream().map(i -> items.get(i).packet().orElseThrow()).toList();
      all.add(
          replay
              .replay(packets)
              .toCompletableFuture()
              .whenComplete(
                  (result, error) -> {
                    slots.release();
                    List<Outcome> got = result == null ? List.of() : result.outcomes();
                    for (int k = 0; k < places.size(); k++) {
                      outcomes.put(places.get(k), k < got.size() ? got.get(k) : Outcome.NOT_SENT);
                    }
                    if (result != null) {
                      result.problem().ifPresent(m -> err.println(device.getKey() + ": " + m));
                    }
                  }));
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      err.println("error: " + e.getCause().getMessage());
    }
    return outcomes;
  }

  private static int report(
      List<Item> items,
      Map<Integer, Outcome> outcomes,
      String centre,
      PrintStream out,
      PrintStream err)
      throws IOException {
    JsonGenerator json = CommandSupport.jsonLines(out);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    int invalid = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      json.writeStartObject();
      if (item.packet().isPresent()) {
        Packet p = item.packet().get();
        Outcome outcome = outcomes.getOrDefault(i, Outcome.NOT_SENT);
        counts.merge(outcome, 1, Integer::sum);
        json.writeStringField("result", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.writeNullField("reason");
        json.writeStringField("cn", p.cn());
        json.writeStringField("mn", p.mn());
        CommandSupport.writeOptional(json, "qn", p.qn());
        CommandSupport.writeOptional(
            json, "dataTime", p.cp().dataTime().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format));
      } else {
        invalid++;
        DecodeError e = item.result().error().orElseThrow();
        CommandSupport.HeaderPeek h =
            CommandSupport.HeaderPeek.of(e.bytes(), e.kind() != ErrorKind.FRAME);
        json.writeStringField("result", "invalid");
        json.writeStringField("reason", e.kind() == ErrorKind.VALUE ? "field" : e.kind().code());
        CommandSupport.writeOptional(json, "cn", h.get("CN"));
        CommandSupport.writeOptional(json, "mn", h.get("MN"));
        CommandSupport.writeOptional(json, "qn", h.get("QN"));
        json.writeNullField("dataTime");
        json.writeStringField("message", e.message());
      }
      json.writeEndObject();
      CommandSupport.endLine(json, out);
    }
    out.flush();
    err.printf(
        Locale.ROOT,
        "replayed to %s: %d packets, %d answered, %d sent (no answer asked), %d without answer,"
            + " %d not sent, %d invalid (not sent)%n",
        centre,
        items.size(),
        counts.getOrDefault(Outcome.ANSWERED, 0),
        counts.getOrDefault(Outcome.SENT, 0),
        counts.getOrDefault(Outcome.NO_ANSWER, 0),
        counts.getOrDefault(Outcome.NOT_SENT, 0),
        invalid);
    boolean clean =
        invalid == 0
            && counts.getOrDefault(Outcome.NO_ANSWER, 0) == 0
            && counts.getOrDefault(Outcome.NOT_SENT, 0) == 0;
    return clean ? 0 : 1;
  }

  private static int usage(PrintStream err, String message) {
    return CommandSupport.usage(err, message, USAGE);
  }
}
