package org.qingshan.hj212.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.DataAreaCipher;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.ErrorKind;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.packet.Packet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qingshan hj212 check}: reads HJ 212 packets from standard input (CR LF, LF or nothing
 * between them) and prints one JSON verdict per packet.
 */
public final class Hj212CheckCommand {
  static final String USAGE =
      "usage: qingshan hj212 check [--max-length N] [--crc strict|modbus|ignore] [--sm4-key HEX32]"
          + " < packets";

  private Hj212CheckCommand() {}

  /**
   * Runs the command.
   *
   * @param args what follows {@code hj212 check}
   * @return 0 when every packet is valid, 1 when some packet is invalid or the input is unreadable,
   *     2 on a usage error
   */
  /** The flags of {@code hj212 check}. */
  @Command(name = "check")
  static final class Flags {
    @Option(names = "--max-length")
    Optional<Integer> maxLength = Optional.empty();

    @Option(names = "--crc")
    Optional<String> crc = Optional.empty();

    @Option(names = "--sm4-key")
    Optional<String> sm4Key = Optional.empty();

    @Option(names = {"-h", "--help"})
    boolean help;
  }

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Flags flags = new Flags();
    Optional<String> problem = CommandSupport.parse(flags, args);
    if (problem.isPresent()) {
      return CommandSupport.usage(err, problem.get(), USAGE);
    }
    if (flags.help) {
      out.println(USAGE);
      out.println(
          "Prints one JSON line per packet: "
              + "{\"verdict\":\"valid\"|\"invalid\",\"reason\":null|\"frame\"|\"length\"|\"crc\"|\"field\","
              + "\"cn\",\"st\",\"mn\",\"qn\",\"dataTime\",\"values\",\"version\":\"2005\"|\"2017\"|\"2025\","
              + "\"encrypted\",\"resent\"}. With --sm4-key, encrypted (HJ 212-2025) packets are"
              + " decrypted and checked. Exit 0 when all are valid, 1 otherwise.");
      return 0;
    }
    DecoderOptions options = DecoderOptions.defaults();
    if (flags.maxLength.isPresent()) {
      if (flags.maxLength.get() < 0 || flags.maxLength.get() > 9999) {
        return CommandSupport.usage(err, "--max-length needs a number 0..9999", USAGE);
      }
      options = options.withMaxSegmentLength(flags.maxLength.get());
    }
    if (flags.crc.isPresent()) {
      Optional<CrcDialect> d = CommandSupport.dialect(flags.crc.get());
      if (d.isEmpty()) {
        return CommandSupport.usage(err, "--crc needs strict, modbus or ignore", USAGE);
      }
      CrcDialect dialect = d.get();
      options = options.withCrcPolicy(mn -> dialect);
    }
    if (flags.sm4Key.isPresent()) {
      try {
        options = options.withDeviceKeys(DeviceKeys.everyDevice(Sm4Key.ofHex(flags.sm4Key.get())));
      } catch (IllegalArgumentException e) {
        // the key itself is not echoed: it is a secret even when mistyped
        return CommandSupport.usage(err, "--sm4-key needs 32 hex digits (16 bytes)", USAGE);
      }
    }
    try {
      return check(in, out, options);
    } catch (IOException e) {
      err.println("error: cannot read standard input: " + e.getMessage());
      return 1;
    }
  }

  private static int check(InputStream in, PrintStream out, DecoderOptions options)
      throws IOException {
    JsonGenerator json = CommandSupport.jsonLines(out);
    boolean[] allValid = {true};
    PacketStream.read(
        in,
        options,
        r -> {
          allValid[0] &= r.isValid();
          write(json, r);
          CommandSupport.endLine(json, out);
        });
    out.flush();
    return allValid[0] ? 0 : 1;
  }

  private static void write(JsonGenerator json, DecodeResult r) throws IOException {
    json.writeStartObject();
    if (r instanceof DecodeResult.Valid v) {
      Packet p = v.value();
      json.writeStringField("verdict", "valid");
      json.writeNullField("reason");
      json.writeStringField("cn", p.cn());
      json.writeStringField("st", p.st());
      json.writeStringField("mn", p.mn());
      CommandSupport.writeOptional(json, "qn", p.qn());
      CommandSupport.writeOptional(
          json, "dataTime", p.cp().dataTime().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format));
      json.writeNumberField("values", p.cp().valueCount());
      CommandSupport.writeOptional(json, "version", CommandSupport.versionName(p.protocol()));
      json.writeBooleanField("encrypted", p.encrypted());
      json.writeBooleanField("resent", p.resent());
    } else if (r instanceof DecodeResult.Invalid i) {
      DecodeError e = i.value();
      CommandSupport.writeRejected(json, "verdict", e, true);
      json.writeNumberField("values", 0);
      CommandSupport.HeaderPeek h =
          CommandSupport.HeaderPeek.of(e.bytes(), e.kind() != ErrorKind.FRAME);
      CommandSupport.writeOptional(
          json, "version", h.version().flatMap(CommandSupport::versionName));
      json.writeBooleanField(
          "encrypted", e.kind() != ErrorKind.FRAME && DataAreaCipher.looksEncrypted(e.bytes()));
      json.writeBooleanField("resent", h.get("RF").filter("1"::equals).isPresent());
      json.writeStringField("message", e.message());
    }
    json.writeEndObject();
  }
}
