package org.qingshan.hj212.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.SharedData;
import org.qingshan.hj212.cli.Hj212CheckCommandTestSupport;
import org.qingshan.hj212.codec.DecodeError;

/**
 * Real traffic over real TCP: the corpus is written to the gateway in arbitrary chunks, and every
 * packet that the offline checker accepts reaches the store.
 */
class CorpusReplayTest {

  @Test
  void everyValidCorpusPacketReachesTheStore() throws Exception {
    Path dir = SharedData.require("hj212/corpus");
    Path file;
    try (Stream<Path> s = Files.list(dir)) {
      file = s.filter(p -> p.toString().endsWith(".h212")).sorted().findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    long expectedValid = Hj212CheckCommandTestSupport.validLines(bytes);
    AtomicLong stored = new AtomicLong();
    AtomicLong invalid = new AtomicLong();
    GatewayListener listener =
        new GatewayListener() {
          @Override
          public void invalid(long connectionId, String remoteAddress, DecodeError error) {
            invalid.incrementAndGet();
          }
        };
    try (Hj212Gateway g =
        Hj212Gateway.start(
            GatewayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(1)
                .connectionRate(1e6, 1_000_000)
                .deviceRate(1e6, 1_000_000)
                .build(),
            p -> {
              stored.incrementAndGet();
              return CompletableFuture.completedFuture(StoreResult.STORED);
            },
            DeviceAuthenticator.ACCEPT_ALL,
            listener)) {
      try (Socket socket = new Socket("127.0.0.1", g.port())) {
        Thread drain = new Thread(() -> drain(socket));
        drain.start();
        OutputStream out = socket.getOutputStream();
        Random r = new Random(7);
        for (int pos = 0; pos < bytes.length; ) {
          int n = Math.min(bytes.length - pos, 1 + r.nextInt(3000));
          out.write(bytes, pos, n);
          pos += n;
        }
        out.flush();
        socket.shutdownOutput();
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> stored.get() >= expectedValid);
        drain.join(10_000);
      }
      assertThat(stored.get()).isEqualTo(expectedValid);
      assertThat(invalid.get()).isPositive();
      assertThat(g.stats().packets()).isEqualTo(expectedValid);
    }
  }

  private static void drain(Socket socket) {
    try (InputStream in = socket.getInputStream()) {
      byte[] buf = new byte[8192];
      while (in.read(buf) >= 0) {
        // answers (9014 for the uploads with Flag=1) are read and dropped
      }
    } catch (IOException e) {
      // closed
    }
  }
}
