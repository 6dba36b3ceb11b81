package org.qingshan.server.device;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The devices' SM4 keys (HJ 212-2025), {@code qingshan.device-keys.*}.
 *
 * @param masterKey the AES-256 master key as 64 hex digits; empty reads (or creates) {@code
 *     masterKeyFile}
 * @param masterKeyFile where the master key is kept; empty is {@code
 *     <qingshan.data-dir>/device-keys.master}
 * @param rotation how long a key may be used: the standard asks for a new one every 90 days
 * @param rotationWarning how long before the end of {@code rotation} the page says it is due
 * @param changeTimeout how long a key change (CN=1014) waits for the device's 9012 before it
 *     expires
 */
@ConfigurationProperties("qingshan.device-keys")
public record DeviceKeySettings(
    @DefaultValue("") String masterKey,
    @DefaultValue("") String masterKeyFile,
    @DefaultValue("90d") Duration rotation,
    @DefaultValue("10d") Duration rotationWarning,
    @DefaultValue("10m") Duration changeTimeout) {}
