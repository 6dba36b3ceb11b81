package org.qingshan.hj212.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.ErrorKind;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.ProtocolVersion;
import picocli.CommandLine;

/** What the {@code hj212} commands share: arguments, JSON lines, usage errors. */
final class CommandSupport {
  private CommandSupport() {}

  /** A JSON writer of one object a line on {@code out}, which it never closes. */
  static JsonGenerator jsonLines(PrintStream out) throws IOException {
    JsonGenerator json =
        new JsonFactory()
            .createGenerator((OutputStream) new NonClosing(out))
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    json.setRootValueSeparator(null);
    return json;
  }

  static void endLine(JsonGenerator json, PrintStream out) throws IOException {
    json.flush();
    out.write('\n');
  }

  static void writeOptional(JsonGenerator json, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }

  /**
   * The fields every command gives a rejected packet: {@code resultField} "invalid", the reason of
   * the check contract (a bad value inside a field is a field error), and the header fields that
   * could be read ({@code cn}, {@code st} when asked, {@code mn}, {@code qn}), {@code dataTime}
   * null.
   */
  static void writeRejected(JsonGenerator json, String resultField, DecodeError e, boolean withSt)
      throws IOException {
    HeaderPeek h = HeaderPeek.of(e.bytes(), e.kind() != ErrorKind.FRAME);
    json.writeStringField(resultField, "invalid");
    json.writeStringField("reason", e.kind() == ErrorKind.VALUE ? "field" : e.kind().code());
    writeOptional(json, "cn", h.get("CN"));
    if (withSt) {
      writeOptional(json, "st", h.get("ST"));
    }
    writeOptional(json, "mn", h.get("MN"));
    writeOptional(json, "qn", h.get("QN"));
    json.writeNullField("dataTime");
  }

  static Optional<CrcDialect> dialect(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "strict" -> Optional.of(CrcDialect.STRICT);
      case "modbus" -> Optional.of(CrcDialect.ACCEPT_SWAPPED_MODBUS);
      case "ignore" -> Optional.of(CrcDialect.IGNORE);
      default -> Optional.empty();
    };
  }

  /**
   * Reads {@code args} into {@code options} by picocli; the problem, if the arguments do not fit.
   * No @file expansion: an argument is what was typed.
   */
  static Optional<String> parse(Object options, List<String> args) {
    try {
      new CommandLine(options).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
      return Optional.empty();
    } catch (CommandLine.UnmatchedArgumentException e) {
      return Optional.of("unknown argument: " + String.join(" ", e.getUnmatched()));
    } catch (CommandLine.ParameterException e) {
      return Optional.of(e.getMessage());
    }
  }

  static int usage(PrintStream err, String message, String usage) {
    err.println("error: " + message);
    err.println(usage);
    return 2;
  }

  /** The {@code version} of the JSON lines; empty for version bits above HJ 212-2025's. */
  static Optional<String> versionName(ProtocolVersion v) {
    return switch (v) {
      case HJT_212_2005 -> Optional.of("2005");
      case HJ_212_2017 -> Optional.of("2017");
      case HJ_212_2025 -> Optional.of("2025");
      case LATER -> Optional.empty();
    };
  }

  /** Best-effort header fields of a rejected packet, to say which device sent it. */
  record HeaderPeek(String text, boolean enabled) {
    static HeaderPeek of(byte[] bytes, boolean enabled) {
      return new HeaderPeek(new String(bytes, StandardCharsets.UTF_8), enabled);
    }

    /** The protocol version of its Flag (2005 without one); empty when unreadable. */
    Optional<ProtocolVersion> version() {
      if (!enabled) {
        return Optional.empty();
      }
      Optional<String> flag = get("Flag");
      if (flag.isEmpty()) {
        return Optional.of(ProtocolVersion.HJT_212_2005);
      }
      try {
        int v = Integer.parseInt(flag.get());
        return v >= 0 && v <= 255 ? Optional.of(Flag.valueOf(v).version()) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
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
  private static final class NonClosing extends FilterOutputStream {
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
