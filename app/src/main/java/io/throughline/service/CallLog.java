package io.throughline.service;

import org.jspecify.annotations.Nullable;

/**
 * A phone call an agent (or a telephony system) notes on the customer's thread.
 *
 * @param disposition how it ended, e.g. {@code answered}, {@code callback}, {@code voicemail}
 */
public record CallLog(int seconds, String disposition, @Nullable String note) {}
