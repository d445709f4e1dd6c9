package io.throughline.inventory.internal;

import io.throughline.platform.InvalidRequestException;
import java.util.regex.Pattern;

/** Channel keys as sources carry them: lower-case letters, digits and dashes. */
final class ChannelKeys {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ChannelKeys() {}

    static String check(String channel) {
        if (!VALID.matcher(channel).matches()) {
            throw new InvalidRequestException("channel", "must be a channel key: lower-case letters, digits and dashes");
        }
        return channel;
    }
}
