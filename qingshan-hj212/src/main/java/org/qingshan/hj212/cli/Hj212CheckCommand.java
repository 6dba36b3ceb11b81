package org.qingshan.hj212.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.ErrorKind;
import org.qingshan.hj212.codec.FrameScanner;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.packet.Packet;

/**
 * {@code qingshan hj212 check}: reads HJ 212 packets from standard input (CR LF, LF or nothing
 * between them) and prints one JSON verdict per packet.
 */
public final class Hj212CheckCommand {
  static final String USAGE =
      "usage: qingshan hj212 check [--max-length N] [--crc strict|modbus|ignore] < packets";

  private Hj212CheckCommand() {}

  /**
   * Runs the command.
   *
   * @param args what follows {@code hj212 check}
   * @return 0 when every packet is valid, 1 when some packet is invalid or the input is unreadable,
   *     2 on a usage error
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    DecoderOptions options = DecoderOptions.defaults();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          out.println(USAGE);
          out.println(
              "Prints one JSON line per packet: "
                  + "{\"verdict\":\"valid\"|\"invalid\",\"reason\":null|\"frame\"|\"length\"|\"crc\"|\"field\","
                  + "\"cn\",\"st\",\"mn\",\"qn\",\"dataTime\",\"values\"}. Exit 0 when all are valid, 1 otherwise.");
          return 0;
        }
        case "--max-length" -> {
          Optional<Integer> n = i + 1 < args.size() ? parseInt(args.get(++i)) : Optional.empty();
          if (n.isEmpty() || n.get() < 0 || n.get() > 9999) {
            return usage(err, "--max-length needs a number 0..9999");
          }
          options = options.withMaxSegmentLength(n.get());
        }
        case "--crc" -> {
          Optional<CrcDialect> d = i + 1 < args.size() ? dialect(args.get(++i)) : Optional.empty();
          if (d.isEmpty()) {
            return usage(err, "--crc needs strict, modbus or ignore");
          }
          CrcDialect dialect = d.get();
          options = options.withCrcPolicy(mn -> dialect);
        }
        default -> {
          return usage(err, "unknown argument: " + a);
        }
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
    PacketDecoder decoder = new PacketDecoder(options);
    FrameScanner scanner = new FrameScanner(options.maxSegmentLength());
    JsonGenerator json =
        new JsonFactory()
            .createGenerator((OutputStream) new NonClosing(out))
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    json.setRootValueSeparator(null);
    ByteBuf buf = Unpooled.buffer(1 << 16);
    byte[] chunk = new byte[1 << 16];
    boolean allValid = true;
    boolean eof = false;
    try {
      while (!eof) {
        int n = in.read(chunk);
        if (n < 0) {
          eof = true;
        } else {
          buf.writeBytes(chunk, 0, n);
        }
        Optional<byte[]> candidate;
        while ((candidate = scanner.next(buf, eof)).isPresent()) {
          DecodeResult r = decoder.decode(candidate.get());
          allValid &= r.isValid();
          write(json, r);
          json.flush();
          out.write('\n');
        }
        buf.discardSomeReadBytes();
      }
    } finally {
      buf.release();
    }
    out.flush();
    return allValid ? 0 : 1;
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
      writeOptional(json, "qn", p.qn());
      writeOptional(
          json, "dataTime", p.cp().dataTime().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format));
      json.writeNumberField("values", p.cp().valueCount());
    } else if (r instanceof DecodeResult.Invalid i) {
      DecodeError e = i.value();
      HeaderPeek h = HeaderPeek.of(e.bytes(), e.kind() != ErrorKind.FRAME);
      json.writeStringField("verdict", "invalid");
      // the contract's reasons: a bad value inside a field is a field error
      json.writeStringField("reason", e.kind() == ErrorKind.VALUE ? "field" : e.kind().code());
      writeOptional(json, "cn", h.get("CN"));
      writeOptional(json, "st", h.get("ST"));
      writeOptional(json, "mn", h.get("MN"));
      writeOptional(json, "qn", h.get("QN"));
      json.writeNullField("dataTime");
      json.writeNumberField("values", 0);
      json.writeStringField("message", e.message());
    }
    json.writeEndObject();
  }

  private static void writeOptional(JsonGenerator json, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<CrcDialect> dialect(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "strict" -> Optional.of(CrcDialect.STRICT);
      case "modbus" -> Optional.of(CrcDialect.ACCEPT_SWAPPED_MODBUS);
      case "ignore" -> Optional.of(CrcDialect.IGNORE);
      default -> Optional.empty();
    };
  }

  private static int usage(PrintStream err, String message) {
    err.println("error: " + message);
    err.println(USAGE);
    return 2;
  }

  /** Best-effort header fields of a rejected packet, to say which device sent it. */
  private record HeaderPeek(String text, boolean enabled) {
    static HeaderPeek of(byte[] bytes, boolean enabled) {
      return new HeaderPeek(new String(bytes, StandardCharsets.UTF_8), enabled);
    }

    Optional<String> get(String name) {
      if (!enabled) {
        return Optional.empty();
      }
      int cp = text.indexOf("CP=&&");
      String head = cp < 0 ? text : text.substring(0, cp);
      for (String field : head.substring(Math.min(6, head.length())).split("[;,]")) {
        if (field.startsWith(name + "=")) {
          return Optional.of(field.substring(name.length() + 1));
        }
      }
      return Optional.empty();
    }
  }

  /** Lets the JSON generator flush into the stream without ever closing it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
