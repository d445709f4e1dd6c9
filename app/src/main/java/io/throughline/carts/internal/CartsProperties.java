package io.throughline.carts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeToLive     how long a cart's stock stays held after the shopper's last activity
 * @param handoffTimeToLive how long a handoff code can be claimed
 */
@ConfigurationProperties("throughline.carts")
record CartsProperties(@DefaultValue("45m") Duration timeToLive, @DefaultValue("15m") Duration handoffTimeToLive) {}
