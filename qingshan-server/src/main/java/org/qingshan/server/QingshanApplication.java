package org.qingshan.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application; started by {@link org.qingshan.server.cli.QingshanMain}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QingshanApplication {}
