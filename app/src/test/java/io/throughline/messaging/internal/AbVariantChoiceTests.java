package io.throughline.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.messaging.Variant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AbVariantChoiceTests {

    private static final List<Variant> VARIANTS = List.of(new Variant.Sms("a", "A"), new Variant.Sms("b", "B"),
            new Variant.Sms("c", "C"));

    @Test
    void aCustomerAlwaysGetsTheSameVariantOfAMessage() {
        UUID message = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            UUID profile = UUID.randomUUID();
            Variant first = VariantChoice.choose(VARIANTS, profile, message);
            assertThat(VariantChoice.choose(VARIANTS, profile, message)).isEqualTo(first);
        }
    }

    @Test
    void customersSpreadOverAllVariantsRoughlyEvenly() {
        UUID message = UUID.randomUUID();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            counts.merge(VariantChoice.choose(VARIANTS, UUID.randomUUID(), message).key(), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys("a", "b", "c");
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }
}
