package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import io.throughline.platform.InvalidRequestException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** At most five variants per channel, each with its own key within the channel, each template valid. */
final class VariantRules {

    private VariantRules() {}

    static void check(List<Variant> variants) {
        Map<MessageChannel, Set<String>> keys = new EnumMap<>(MessageChannel.class);
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            Set<String> channelKeys = keys.computeIfAbsent(variant.channel(), channel -> new HashSet<>());
            if (!channelKeys.add(variant.key())) {
                throw new InvalidRequestException("variants[" + i + "].key",
                        "'" + variant.key() + "' is used twice for channel " + variant.channel().key());
            }
            if (channelKeys.size() > Variant.MAX_PER_CHANNEL) {
                throw new InvalidRequestException("variants[" + i + "]",
                        "is one too many: at most " + Variant.MAX_PER_CHANNEL + " variants per channel");
            }
        }
        TemplateRenderer.validate(variants);
    }
}
