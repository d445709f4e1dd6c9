package io.throughline.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * One channel instance that sends events, e.g. the Debrecen shop's till.
 *
 * @param channel         the channel key its events carry, e.g. {@code shop-debrecen}
 * @param eventsPerSecond the sustained rate above which its requests are refused with 429
 * @param trust           whether its write key is public (browser, app) or kept on the brand's servers
 * @param signsUserIds    whether it has a secret for the user ids the brand's server signs (see docs/API.md)
 */
public record Source(UUID id, String name, String channel, ChannelType channelType, int eventsPerSecond,
        boolean enabled, Instant createdAt, SourceTrust trust, boolean signsUserIds) {}
