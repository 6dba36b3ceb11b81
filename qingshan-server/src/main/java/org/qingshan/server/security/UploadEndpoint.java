package org.qingshan.server.security;

import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * A page that takes file uploads, contributed as a bean by its feature: every other multipart
 * request is refused from its headers, before its body is read (see {@code UploadGate}).
 *
 * @param path the page the form posts to: an Ant pattern, {@code *} standing for a record's id
 * @param maxSize the largest request it takes
 * @param roles who may upload there; empty means anyone, logged in or not (a public page)
 */
public record UploadEndpoint(String path, DataSize maxSize, Set<Role> roles) {
  public UploadEndpoint {
    roles = Set.copyOf(roles);
  }
}
