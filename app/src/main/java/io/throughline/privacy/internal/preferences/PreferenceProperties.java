package io.throughline.privacy.internal.preferences;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The preference centre's links.
 *
 * @param linkSecret      signs the links; the same on every node. Unset: one is made at random and kept in the
 *                        database
 * @param linkValidity    how long a link in a message keeps working
 * @param confirmValidity how long a double opt-in confirmation link keeps working
 */
@ConfigurationProperties("throughline.privacy.preferences")
record PreferenceProperties(@Nullable String linkSecret, @DefaultValue("P60D") Duration linkValidity,
        @DefaultValue("P7D") Duration confirmValidity) {}
