package io.throughline.journeys.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts a journey's webhook step may call: only those an administrator listed
 * ({@code throughline.journeys.webhook-hosts}; {@code *.example.com} admits the subdomains of example.com), and,
 * unless she also allowed them, never one that resolves to a loopback, private, link-local or otherwise internal
 * address. Otherwise anyone who may edit a journey could make the platform call its own admin endpoints or the
 * brand's internal network. The step is checked when the journey is saved and again before each call, since a
 * name can come to point somewhere else.
 */
final class WebhookHosts {

    private final List<String> allowed;
    private final boolean internalAddresses;

    WebhookHosts(List<String> allowed, boolean internalAddresses) {
        this.allowed = allowed.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
        this.internalAddresses = internalAddresses;
    }

    /** Why the URL may not be called, judged by its host name alone; empty if the name is on the list. */
    Optional<String> refusal(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (allowed.isEmpty()) {
            return Optional.of("webhooks are off: an administrator lists the hosts they may call"
                    + " (throughline.journeys.webhook-hosts)");
        }
        boolean listed = allowed.stream().anyMatch(pattern -> pattern.startsWith("*.")
                ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
                : host.equals(pattern));
        return listed ? Optional.empty() : Optional.of("host " + host + " is not on the administrator's list of"
                + " webhook hosts");
    }

    /** Why the addresses the host resolved to may not be called; empty if none is internal, or internal ones may be. */
    Optional<String> refusal(InetAddress[] addresses) {
        if (internalAddresses) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                return Optional.of("the host resolves to an internal address");
            }
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which {@link InetAddress#isSiteLocalAddress} does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
