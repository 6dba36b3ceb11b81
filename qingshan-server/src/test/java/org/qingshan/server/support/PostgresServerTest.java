package org.qingshan.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingshan.server.QingshanApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real server on a random port with the demo county on the test PostgreSQL server, skipped where
 * that does not answer. The class points the server at a schema of its own with {@link
 * PostgresSchema}, so that test runs sharing the database leave each other's tables alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(
    classes = QingshanApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "qingshan.demo=true",
      "qingshan.data-dir=target/test-data",
      "qingshan.hj212.port=0",
      "qingshan.demo-devices=false"
    })
public @interface PostgresServerTest {}
