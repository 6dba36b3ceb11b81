package org.qingshan.server.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bureau's password rules, {@code qingshan.password.*}.
 *
 * @param minLength characters at least
 * @param classesRequired of lower-case letters, capitals, digits and other characters (symbols,
 *     汉字), how many kinds a password must mix (1 to 4)
 * @param commonList passwords refused as too common, one a line (a file path, or classpath:)
 */
@ConfigurationProperties("qingshan.password")
public record PasswordSettings(
    @DefaultValue("8") int minLength,
    @DefaultValue("2") int classesRequired,
    @DefaultValue("classpath:common-passwords.txt") String commonList) {}
