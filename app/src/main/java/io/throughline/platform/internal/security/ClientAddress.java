package io.throughline.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind a request: the connection's peer, unless that peer is one of the configured
 * trusted proxies, in which case the nearest address in {@code X-Forwarded-For} that is not itself a trusted
 * proxy. A client that connects directly cannot pick the address it is counted under.
 */
final class ClientAddress {

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(proxy -> !proxy.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String peer, @org.jspecify.annotations.Nullable String forwardedFor) {
        if (!trusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        // Each proxy appends the address it received from, so the last untrusted one is the client as far as
        // the trusted proxies can vouch; anything to its left was written by the client itself.
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isAddress(hop)) {
                return peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    private boolean trusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** A literal IPv4 or IPv6 address, never a name that would have to be looked up. */
    private static boolean isAddress(String text) {
        return !text.isEmpty() && text.length() <= 45 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':') && (text.contains(".") || text.contains(":"));
    }
}
