package io.throughline.privacy.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param receiptKey        the key erasure receipts are signed with (HMAC-SHA256); when unset, a random key is
 *                          generated once per installation and kept in {@code privacy.installation_secret}
 * @param suppressionPepper the pepper of the suppression list's digests; generated per installation when unset
 */
@ConfigurationProperties("throughline.privacy")
public record PrivacyProperties(@Nullable String receiptKey, @Nullable String suppressionPepper) {}
