package org.qingshan.bench.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;

class LoadConnectionTest {
  private static Packet upload(String qn) {
    return Packet.builder()
        .qn(qn)
        .st("31")
        .cn("2011")
        .pw("123456")
        .mn("LOADTEST0000000000000001")
        .flag(Flag.REPLY_2017)
        .cp(DataArea.builder().build())
        .build();
  }

  private static DecodeResult answerTo(String qn) {
    return new DecodeResult.Valid(Commands.dataAnswer(upload(qn)));
  }

  @Test
  void answersAreMatchedByQnAndLateOnesAreToldApart() {
    LoadCounters counters = new LoadCounters();
    LoadConnection connection = new LoadConnection(() -> counters);
    EmbeddedChannel channel = new EmbeddedChannel(connection);
    long now = System.nanoTime();
    connection.sent("20261122110000001", now);
    connection.sent("20261122110000002", now - 20_000_000_000L);
    connection.expire(now, LoadRun.ANSWER_TIMEOUT_NANOS); // the second waited 20 s: given up

    channel.writeInbound(answerTo("20261122110000001"));
    channel.writeInbound(answerTo("20261122110000002"));
    channel.writeInbound(new DecodeResult.Valid(upload("20261122110000003"))); // not a 9014

    assertThat(counters.answered.sum()).isEqualTo(1);
    assertThat(counters.noAnswer.sum()).isEqualTo(1);
    assertThat(counters.lateAnswers.sum()).isEqualTo(1);
    assertThat(counters.wrongAnswers.sum()).isEqualTo(1);
  }
}
