package org.qingshan.hj212.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

/**
 * The gateway over TLS on loopback, with a self-signed certificate made for the test by the JDK's
 * keytool and written as the PEM files an operator configures.
 */
class GatewayTlsTest {
  @TempDir static Path dir;
  static Path certificate;
  static Path privateKey;

  private final EventLoopGroup clients = new NioEventLoopGroup(1);
  private Hj212Gateway gateway;

  @BeforeAll
  static void selfSignedCertificate() throws Exception {
    Path store = dir.resolve("gateway.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "gateway",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate cert = ks.getCertificate("gateway");
    Key key = ks.getKey("gateway", "changeit".toCharArray());
    certificate = dir.resolve("gateway.crt");
    privateKey = dir.resolve("gateway.key");
    Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @AfterEach
  void close() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
  }

  private static Packet upload() {
    return Packet.builder()
        .qn(QnGenerator.systemDefault().next())
        .st("31")
        .cn(CommandCode.REALTIME_DATA)
        .pw("123456")
        .mn("88888880000001")
        .flag(Flag.of(1, false, true))
        .cp(
            DataArea.builder()
                .dataTime(LocalDateTime.of(2024, 1, 1, 0, 0))
                .reading("a21026", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 12.5))
                .build())
        .build();
  }

  @Test
  void aDeviceUploadsOverTlsAndPlainTextIsNotServed() throws Exception {
    GatewayAttackTest.ImmediateSink sink = new GatewayAttackTest.ImmediateSink();
    gateway =
        Hj212Gateway.start(
            GatewayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(1)
                .tls(certificate, privateKey)
                .build(),
            sink,
            DeviceAuthenticator.ACCEPT_ALL,
            GatewayListener.NONE);
    SslContext trusting = SslContextBuilder.forClient().trustManager(certificate.toFile()).build();
    Hj212Client device =
        Hj212Client.connect(
                clients,
                "127.0.0.1",
                gateway.port(),
                Optional.of(trusting),
                Duration.ofSeconds(10),
                CommandResponder.SILENT,
                c -> {})
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    try {
      Packet answer = device.send(upload()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(answer.cn()).isEqualTo("9014");
      assertThat(sink.received.poll(10, TimeUnit.SECONDS)).isNotNull();
    } finally {
      device.close();
    }
    // a device speaking plain TCP to the TLS port stores nothing
    try (Socket plain = new Socket("127.0.0.1", gateway.port())) {
      plain.setSoTimeout(10_000);
      plain
          .getOutputStream()
          .write(PacketEncoder.encodeToString(upload()).getBytes(StandardCharsets.US_ASCII));
      byte[] buf = new byte[512];
      int n;
      try {
        n = plain.getInputStream().read(buf);
      } catch (SocketException reset) {
        n = -1;
      }
      assertThat(n <= 0 || !new String(buf, 0, n, StandardCharsets.US_ASCII).contains("9014"))
          .isTrue();
    }
    assertThat(sink.received).isEmpty();
  }

  @Test
  void anUnreadableKeyIsAClearError() throws Exception {
    Path bad = dir.resolve("bad.key");
    Files.writeString(bad, "not a key\n");
    assertThatThrownBy(
            () ->
                Hj212Gateway.start(
                    GatewayConfig.builder().host("127.0.0.1").port(0).tls(certificate, bad).build(),
                    p -> CompletableFuture.completedFuture(StoreResult.STORED),
                    DeviceAuthenticator.ACCEPT_ALL,
                    GatewayListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PKCS#8");
  }
}
