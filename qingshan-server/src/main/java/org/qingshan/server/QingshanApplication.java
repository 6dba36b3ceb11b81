package org.qingshan.server;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application; started by {@link org.qingshan.server.cli.QingshanMain}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QingshanApplication {
  private static final Logger log = LoggerFactory.getLogger(QingshanApplication.class);

  /** The one clock of the server: tests put another in its place to move time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Events reach every listener even when one of them fails: a faulty rule listening to stored
   * packets must not keep the device activity (or the next rule) from hearing them. The failure is
   * logged with its stack trace for the operator.
   */
  @Bean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
  static ApplicationEventMulticaster applicationEventMulticaster(BeanFactory beans) {
    SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster(beans);
    multicaster.setErrorHandler(
        failure -> log.error("a listener failed; the other listeners heard the event", failure));
    return multicaster;
  }
}
