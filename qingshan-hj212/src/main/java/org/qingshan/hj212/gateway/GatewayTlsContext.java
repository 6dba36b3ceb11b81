package org.qingshan.hj212.gateway;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** The server side of TLS on the gateway port, from the configured PEM files. */
final class GatewayTlsContext {
  private GatewayTlsContext() {}

  static SslContext of(GatewayConfig.Tls tls) {
    try (InputStream cert = Files.newInputStream(tls.certificate());
        InputStream key = Files.newInputStream(tls.privateKey())) {
      return SslContextBuilder.forServer(cert, key).build();
    } catch (IOException | IllegalArgumentException e) {
      // Netty reports a key it cannot read as IllegalArgumentException
      throw new IllegalArgumentException(
          "cannot use the TLS certificate "
              + tls.certificate()
              + " with the key "
              + tls.privateKey()
              + " (PEM certificate chain and PEM PKCS#8 private key expected): "
              + e.getMessage(),
          e);
    }
  }
}
