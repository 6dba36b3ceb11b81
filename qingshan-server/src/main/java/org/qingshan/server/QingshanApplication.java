package org.qingshan.server;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application; started by {@link org.qingshan.server.cli.QingshanMain}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QingshanApplication {
  /** The one clock of the server: tests put another in its place to move time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
