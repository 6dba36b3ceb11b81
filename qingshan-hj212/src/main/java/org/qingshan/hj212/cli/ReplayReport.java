package org.qingshan.hj212.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qingshan.hj212.client.PacketReplay.Outcome;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.packet.Packet;

/** What {@code hj212 replay} tells: a JSON line per packet, a summary, the devices' problems. */
final class ReplayReport {
  /** One packet of the input and what became of it; an invalid one has no outcome. */
  record Line(DecodeResult input, Optional<Outcome> outcome, Optional<String> problem) {}

  private ReplayReport() {}

  /**
   * Prints the lines on {@code out}, the summary and each distinct problem once on {@code err}.
   *
   * @return the exit code: 0 when every packet was sent and answered where it asked to be
   */
  static int print(List<Line> lines, String centre, PrintStream out, PrintStream err)
      throws IOException {
    JsonGenerator json = CommandSupport.jsonLines(out);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    Map<String, List<String>> devicesByProblem = new LinkedHashMap<>();
    int invalid = 0;
    for (Line line : lines) {
      json.writeStartObject();
      if (line.input() instanceof DecodeResult.Valid valid) {
        Packet p = valid.value();
        Outcome outcome = line.outcome().orElse(Outcome.NOT_SENT);
        counts.merge(outcome, 1, Integer::sum);
        json.writeStringField("result", code(outcome));
        boolean fine = outcome == Outcome.ANSWERED || outcome == Outcome.SENT;
        CommandSupport.writeOptional(
            json, "reason", fine ? Optional.empty() : line.problem().or(() -> reason(outcome)));
        json.writeStringField("cn", p.cn());
        json.writeStringField("mn", p.mn());
        CommandSupport.writeOptional(json, "qn", p.qn());
        CommandSupport.writeOptional(
            json, "dataTime", p.cp().dataTime().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format));
        line.problem()
            .ifPresent(
                m -> {
                  List<String> mns = devicesByProblem.computeIfAbsent(m, k -> new ArrayList<>());
                  if (!mns.contains(p.mn())) {
                    mns.add(p.mn());
                  }
                });
      } else if (line.input() instanceof DecodeResult.Invalid bad) {
        invalid++;
        DecodeError e = bad.value();
        CommandSupport.writeRejected(json, "result", e, false);
        json.writeStringField("message", e.message());
      }
      json.writeEndObject();
      CommandSupport.endLine(json, out);
    }
    out.flush();
    devicesByProblem.forEach(
        (problem, mns) ->
            err.println(
                (mns.size() == 1 ? mns.get(0) : mns.size() + " devices (" + mns.get(0) + " …)")
                    + ": "
                    + problem));
    int answered = counts.getOrDefault(Outcome.ANSWERED, 0);
    int sent = counts.getOrDefault(Outcome.SENT, 0);
    err.printf(
        Locale.ROOT,
        "replayed to %s: %d packets, %d answered, %d sent (no answer asked), %d without answer,"
            + " %d incomplete split parts, %d not sent, %d invalid (not sent)%n",
        centre,
        lines.size(),
        answered,
        sent,
        counts.getOrDefault(Outcome.NO_ANSWER, 0),
        counts.getOrDefault(Outcome.INCOMPLETE, 0),
        counts.getOrDefault(Outcome.NOT_SENT, 0),
        invalid);
    if (answered == 0 && sent > 0) {
      err.println(
          "note: none of the packets asks for an answer, so the centre confirmed none of them;"
              + " check its data");
    }
    return invalid == 0 && answered + sent == lines.size() ? 0 : 1;
  }

  static String code(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Optional<String> reason(Outcome outcome) {
    return switch (outcome) {
      case NO_ANSWER -> Optional.of("no answer in time");
      case INCOMPLETE -> Optional.of("the other parts of this split packet are not in the input");
      case NOT_SENT -> Optional.of("not sent");
      default -> Optional.empty();
    };
  }
}
