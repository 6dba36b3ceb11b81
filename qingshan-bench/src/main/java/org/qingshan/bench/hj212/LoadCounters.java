package org.qingshan.bench.hj212;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** What one run of the load generator counted; written on the event loop, read by the reporter. */
final class LoadCounters {
  final LongAdder sent = new LongAdder();
  final LongAdder answered = new LongAdder();
  final LongAdder noAnswer = new LongAdder();
  final LongAdder wrongAnswers = new LongAdder();
  final LongAdder lateAnswers = new LongAdder();
  final LongAdder closedConnections = new LongAdder();
  final Recorder latencyMicros = new Recorder(3);

  /** When the last answer came (System.nanoTime), for the answer rate. */
  volatile long lastAnswerNanos;

  void answered(long nanos) {
    answered.increment();
    lastAnswerNanos = System.nanoTime();
    latencyMicros.recordValue(Math.max(0, nanos) / 1000);
  }

  void wrongAnswer() {
    wrongAnswers.increment();
  }

  void noAnswer() {
    noAnswer.increment();
  }

  void closed(int unanswered) {
    closedConnections.increment();
    noAnswer.add(unanswered);
  }

  long settled() {
    return answered.sum() + noAnswer.sum() + wrongAnswers.sum();
  }

  long inFlight() {
    return sent.sum() - settled();
  }
}
