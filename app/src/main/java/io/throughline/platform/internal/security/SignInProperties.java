package io.throughline.platform.internal.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How staff sign-in is protected.
 *
 * @param trustedProxies        addresses or CIDR ranges of the reverse proxies in front of the platform, whose
 *                              {@code X-Forwarded-For} names the client; from anyone else the header is ignored, so
 *                              a client cannot choose the address it is counted under. Empty by default.
 * @param failuresPerAccountAndAddress failed sign-ins for one account from one address before that address must
 *                              wait; a stranger elsewhere failing for the same account does not lock its owner out
 * @param failuresPerAddress    failed sign-ins from one address, for any accounts, before it must wait
 */
@ConfigurationProperties("throughline.sign-in")
record SignInProperties(
        @DefaultValue("") List<String> trustedProxies,
        @DefaultValue("5") int failuresPerAccountAndAddress,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("15m") java.time.Duration window) {}
