package org.qingshan.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.qingshan.server.QingshanApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real server on a random port with the demo county on an in-memory H2 database. Every test class
 * with this annotation shares one server, so tests must not depend on each other's changes: each
 * creates the records it reads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(
    classes = QingshanApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "qingshan.demo=true",
      "qingshan.data-dir=target/test-data",
      "qingshan.hj212.port=0",
      "qingshan.demo-devices=false",
      "qingshan.db.url=jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "qingshan.login.free-failures=3",
      "logging.level.root=WARN",
      "logging.level.org.qingshan=INFO"
    })
public @interface DemoServerTest {}
