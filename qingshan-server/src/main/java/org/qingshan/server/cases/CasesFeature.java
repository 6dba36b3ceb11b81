package org.qingshan.server.cases;

import org.springframework.context.annotation.Configuration;

/**
 * The cases feature's place in the application: menu entries, access rules and upload endpoints are
 * contributed here as beans (see {@code mark.MarkFeature}).
 */
@Configuration
class CasesFeature {}
