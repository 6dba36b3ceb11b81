package org.qingshan.server.startup;

import java.io.PrintStream;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.demo.DemoGovernment;
import org.qingshan.server.web.Messages;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the server where to open it (and, in the demo, how to log in). */
@Component
class StartupAnnouncement {
  private final QingshanProperties properties;
  private final Messages messages;

  StartupAnnouncement(QingshanProperties properties, Messages messages) {
    this.properties = properties;
    this.messages = messages;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    PrintStream out = System.out;
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : 8080;
    String url =
        properties.publicUrl().isBlank()
            ? "http://localhost:" + port + "/"
            : properties.publicUrl();
    out.println();
    out.println(messages.get("startup.ready", url));
    if (properties.demo()) {
      out.println(messages.get("startup.demo-logins", DemoGovernment.PASSWORD));
      for (DemoGovernment.Login login : DemoGovernment.LOGINS) {
        out.printf("  %-12s %s%n", login.username(), messages.label(login.role()));
      }
      String address =
          event.getApplicationContext().getEnvironment().getProperty("server.address", "");
      if (address.startsWith("127.") || address.equals("::1") || address.equals("localhost")) {
        out.println(messages.get("startup.demo-loopback"));
      }
    }
    out.println(messages.get("startup.stop-hint"));
    out.println();
  }
}
