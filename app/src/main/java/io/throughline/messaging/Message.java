package io.throughline.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A message with its variants, ready to render for any customer on any channel it has a variant for. */
public record Message(UUID id, String name, MessagePurpose purpose, Map<String, String> fallbacks,
        List<Variant> variants, Instant createdAt, Instant updatedAt) {

    public Message {
        fallbacks = Map.copyOf(fallbacks);
        variants = List.copyOf(variants);
    }

    /** The variants of one channel, in key order, as A/B choices are made among them. */
    public List<Variant> variantsFor(MessageChannel channel) {
        return variants.stream().filter(variant -> variant.channel() == channel)
                .sorted(java.util.Comparator.comparing(Variant::key)).toList();
    }
}
