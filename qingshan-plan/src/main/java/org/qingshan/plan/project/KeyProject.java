package org.qingshan.plan.project;

import java.math.BigDecimal;
import java.util.Optional;

/** A key project (重点工程) from a project chapter, a box (专栏) or a project table. Investment in 万元. */
public record KeyProject(
    String name, Optional<String> content, Optional<BigDecimal> investment, int line) {}
