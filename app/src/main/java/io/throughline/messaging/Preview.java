package io.throughline.messaging;

import org.jspecify.annotations.Nullable;

/**
 * One variant rendered for a customer or for sample data, exactly as it would be sent (before link tracking).
 *
 * @param sms the length and segments of an SMS variant; absent for other channels
 */
public record Preview(MessageChannel channel, String key, Variant rendered, @Nullable SmsLength sms) {}
