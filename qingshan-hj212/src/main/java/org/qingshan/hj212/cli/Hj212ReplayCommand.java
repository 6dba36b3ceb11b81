package org.qingshan.hj212.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.qingshan.hj212.client.PacketReplay;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.packet.Packet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  /**
   * Runs the command.
   *
   * @param args what follows {@code hj212 replay}
   * @return 0 when every packet was sent and each that asks for an answer got it, 1 when some
   *     packet was invalid, unanswered or not sent, or the input unreadable, 2 on a usage error
   */
  /** The flags of {@code hj212 replay}. */
  @Command(name = "replay")
  static final class Flags {
    @Option(names = "--host")
    String host = "127.0.0.1";

    @Option(names = "--port")
    int port = 9212;

    @Option(names = "--timeout")
    int timeoutSeconds = 10;

    @Option(names = "--max-length")
    Optional<Integer> maxLength = Optional.empty();

    @Option(names = "--crc")
    Optional<String> crc = Optional.empty();

    @Option(names = {"-h", "--help"})
    boolean help;

    /** The input file; "-" or none is standard input. */
    @Parameters(arity = "0..1")
    Optional<String> file = Optional.empty();
  }

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Flags flags = new Flags();
    Optional<String> problem = CommandSupport.parse(flags, args);
    if (problem.isPresent()) {
      return usage(err, problem.get());
    }
    if (flags.help) {
      out.println(USAGE);
      out.println(
          "Sends each device's packets, their bytes unchanged, on a connection of its own and"
              + " waits for each answer the packet asks for. Prints one JSON line per packet:"
              + " {\"result\":\"answered\"|\"sent\"|\"no-answer\"|\"incomplete\"|\"not-sent\"|\"invalid\","
              + "\"reason\",\"cn\",\"mn\",\"qn\",\"dataTime\"}.");
      return 0;
    }
    String host = flags.host;
    if (host.isBlank()) {
      return usage(err, "--host needs a host name or address");
    }
    int port = flags.port;
    if (port < 1 || port > 65535) {
      return usage(err, "--port needs a number 1..65535");
    }
    int timeoutSeconds = flags.timeoutSeconds;
    if (timeoutSeconds < 1 || timeoutSeconds > 600) {
      return usage(err, "--timeout needs seconds 1..600");
    }
    // A device known to send the byte-swapped Modbus CRC is replayed as it was received; the
    // centre checks each device's CRC as it knows the device.
    DecoderOptions options =
        DecoderOptions.defaults().withCrcPolicy(mn -> CrcDialect.ACCEPT_SWAPPED_MODBUS);
    if (flags.maxLength.isPresent()) {
      if (flags.maxLength.get() < 0 || flags.maxLength.get() > 9999) {
        return usage(err, "--max-length needs a number 0..9999");
      }
      options = options.withMaxSegmentLength(flags.maxLength.get());
    }
    if (flags.crc.isPresent()) {
      Optional<CrcDialect> d = CommandSupport.dialect(flags.crc.get());
      if (d.isEmpty()) {
        return usage(err, "--crc needs strict, modbus or ignore");
      }
      CrcDialect dialect = d.get();
      options = options.withCrcPolicy(mn -> dialect);
    }
    Optional<String> file = flags.file;
    Optional<String> fileName = file.filter(f -> !f.equals("-"));
    List<DecodeResult> inputs = new ArrayList<>();
    try (InputStream source =
        fileName.isPresent() ? Files.newInputStream(Path.of(fileName.get())) : in) {
      PacketStream.read(
          source, options, r -> inputs.add(RecordedCiphertext.asRecorded(r).orElse(r)));
    } catch (IOException | InvalidPathException e) {
      err.println(
          "error: cannot read " + fileName.orElse("standard input") + ": " + e.getMessage());
      return 1;
    }
    if (inputs.isEmpty()) {
      err.println("error: no packets in " + fileName.orElse("standard input"));
      return 1;
    }
    try (PacketReplay replay = new PacketReplay(host, port, Duration.ofSeconds(timeoutSeconds))) {
      return ReplayReport.print(replayByDevice(inputs, replay), host + ":" + port, out, err);
    } catch (IOException e) {
      err.println("error: cannot write the results: " + e.getMessage());
      return 1;
    }
  }

  /** Each device's packets replayed, at most {@link #PARALLEL_DEVICES} at a time. */
  private static List<ReplayReport.Line> replayByDevice(
      List<DecodeResult> inputs, PacketReplay replay) {
    Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Optional<Packet> p = inputs.get(i).packet();
      if (p.isPresent()) {
        byDevice.computeIfAbsent(p.get().mn(), k -> new ArrayList<>()).add(i);
      }
    }
    ReplayReport.Line[] lines = new ReplayReport.Line[inputs.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = new ReplayReport.Line(inputs.get(i), Optional.empty(), Optional.empty());
    }
    Semaphore slots = new Semaphore(PARALLEL_DEVICES);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (List<Integer> places : byDevice.values()) {
      slots.acquireUninterruptibly();
      List<Packet> packets =
          places.stream().map(i -> inputs.get(i).packet().orElseThrow()).toList();
      all.add(
          replay
              .replay(packets)
              .toCompletableFuture()
              .whenComplete(
                  (result, error) -> {
                    slots.release();
                    for (int k = 0; k < places.size(); k++) {
                      int i = places.get(k);
                      lines[i] =
                          new ReplayReport.Line(
                              inputs.get(i),
                              Optional.of(result.outcomes().get(k)),
                              result.problem());
                    }
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return List.of(lines);
  }

  private static int usage(PrintStream err, String message) {
    return CommandSupport.usage(err, message, USAGE);
  }
}
