package org.qingshan.server.device;

import java.util.Collection;
import java.util.Optional;

/** The filters of the device list. */
public record DeviceSearch(
    Optional<String> text, Optional<DeviceKind> kind, Optional<Collection<Long>> departments) {}
