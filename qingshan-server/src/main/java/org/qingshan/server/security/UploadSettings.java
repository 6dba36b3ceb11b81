package org.qingshan.server.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * File uploads. Only the pages named here take multipart requests; every other request with a
 * multipart body is refused before its body is read, and so is an upload from someone not logged
 * in, unless its page is listed as public.
 *
 * @param planImportMaxSize the largest plan document (the whole request) 规划导入 takes
 * @param publicPaths pages that take uploads without a login (the public report page of a later
 *     issue); none today
 * @param publicMaxSize the largest request such a public page takes
 */
@ConfigurationProperties("qingshan.upload")
public record UploadSettings(
    @DefaultValue("20MB") DataSize planImportMaxSize,
    @DefaultValue List<String> publicPaths,
    @DefaultValue("5MB") DataSize publicMaxSize) {}
