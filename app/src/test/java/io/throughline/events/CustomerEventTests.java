package io.throughline.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.platform.Channel;
import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CustomerEventTests {

    static final Channel APP = new Channel("app", UUID.fromString("00000000-0000-7000-8000-00000000a001"));
    static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
    static final EventProduct TWO_BOTTLES = new EventProduct("TOK-ASZU-5-2017",
            UUID.fromString("00000000-0000-7000-8000-0000000000b1"), "Tokaji Aszú 5 puttonyos 2017",
            new Money(1299000, "HUF"), 2);

    @Test
    void aGuestsProductAddedCarriesHerAnonymousIdAndTheProductInSegmentsNames() {
        EventToAppend event = CustomerEvent.track(EventNames.PRODUCT_ADDED, APP, NOON)
                .about(null, "phone-visitor")
                .property("cart_id", UUID.fromString("00000000-0000-7000-8000-0000000000c1"))
                .product(TWO_BOTTLES)
                .toAppend("m-1", NOON);

        assertThat(event.sourceId()).isEqualTo(APP.sourceId());
        assertThat(event.channel()).isEqualTo("app");
        assertThat(event.name()).isEqualTo("Product Added");
        assertThat(event.profileId()).isNull();
        assertThat(event.identifiers()).containsExactly(new Identifier(Identifier.ANONYMOUS_ID, "phone-visitor"));
        JsonNode payload = JsonMapper.builder().build().readTree(event.payload());
        assertThat(payload.path("type").asString()).isEqualTo("track");
        assertThat(payload.path("anonymousId").asString()).isEqualTo("phone-visitor");
        assertThat(payload.path("context").path("channel").asString()).isEqualTo("app");
        JsonNode properties = payload.path("properties");
        assertThat(properties.path("cart_id").asString()).isEqualTo("00000000-0000-7000-8000-0000000000c1");
        assertThat(properties.path("sku").asString()).isEqualTo("TOK-ASZU-5-2017");
        assertThat(properties.path("price").decimalValue()).isEqualByComparingTo("12990.00");
        assertThat(properties.path("currency").asString()).isEqualTo("HUF");
        assertThat(properties.path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void anEventAboutAKnownProfileNamesNoAnonymousIdAndListsItsProducts() {
        UUID profile = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
        EventToAppend event = CustomerEvent.track(EventNames.ORDER_COMPLETED, APP, NOON)
                .about(profile, "phone-visitor")
                .money("total", new Money(2338200, "HUF"))
                .property("coupon", null)
                .products(List.of(TWO_BOTTLES))
                .toAppend("m-2", NOON);

        assertThat(event.profileId()).isEqualTo(profile);
        assertThat(event.identifiers()).isEmpty();
        JsonNode payload = JsonMapper.builder().build().readTree(event.payload());
        assertThat(payload.has("anonymousId")).isFalse();
        assertThat(payload.path("properties").has("coupon")).isFalse();
        assertThat(payload.path("properties").path("total").decimalValue()).isEqualByComparingTo("23382.00");
        assertThat(payload.path("properties").path("products").get(0).path("name").asString())
                .isEqualTo("Tokaji Aszú 5 puttonyos 2017");
    }
}
