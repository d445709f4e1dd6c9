package io.throughline.carts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.carts.CartState;
import io.throughline.carts.internal.MergeOutcome;
import io.throughline.carts.internal.HoldPolicy.Candidate;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CartPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(45);
    private static final UUID WAREHOUSE = UUID.randomUUID();
    private static final UUID SHOP = UUID.randomUUID();

    @Test
    void aLineIsHeldWhereMostIsAvailableUnlessItsCurrentLocationStillCoversIt() {
        List<Candidate> candidates = List.of(new Candidate(SHOP, "shop-budapest", 3),
                new Candidate(WAREHOUSE, "warehouse-tokaj", 20));

        assertThat(HoldPolicy.choose(candidates, 2, null).orElseThrow().locationId()).isEqualTo(WAREHOUSE);
        assertThat(HoldPolicy.choose(candidates, 2, SHOP).orElseThrow().locationId()).isEqualTo(SHOP);
        assertThat(HoldPolicy.choose(candidates, 5, SHOP).orElseThrow().locationId()).isEqualTo(WAREHOUSE);
        assertThat(HoldPolicy.choose(candidates, 21, null)).isEmpty();
        assertThat(HoldPolicy.mostHoldable(candidates)).isEqualTo(20);
        assertThat(HoldPolicy.mostHoldable(List.of())).isZero();
    }

    @Test
    void equalStockIsBrokenByTheLocationCode() {
        List<Candidate> candidates = List.of(new Candidate(WAREHOUSE, "warehouse-tokaj", 5),
                new Candidate(SHOP, "shop-budapest", 5));

        assertThat(HoldPolicy.choose(candidates, 1, null).orElseThrow().code()).isEqualTo("shop-budapest");
    }

    @Test
    void holdsAreRenewedOnlyWhenAMinuteOfTheirLifeHasGone() {
        assertThat(HoldPolicy.needsRenewal(null, NOW, TTL)).isTrue();
        assertThat(HoldPolicy.needsRenewal(NOW.minusSeconds(1), NOW, TTL)).isTrue();
        assertThat(HoldPolicy.needsRenewal(NOW.plus(TTL).minusSeconds(30), NOW, TTL)).isFalse();
        assertThat(HoldPolicy.needsRenewal(NOW.plus(TTL).minusSeconds(61), NOW, TTL)).isTrue();
        // With a short time to live the step shrinks to half of it.
        assertThat(HoldPolicy.needsRenewal(NOW.plusSeconds(50), NOW, Duration.ofSeconds(60))).isFalse();
        assertThat(HoldPolicy.needsRenewal(NOW.plusSeconds(20), NOW, Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void theCartNeverExpiresBeforeAnyOfItsHolds() {
        assertThat(HoldPolicy.cartExpiry(NOW, TTL, List.of())).isEqualTo(NOW.plus(TTL));
        Instant late = NOW.plus(TTL).plusMillis(3);
        assertThat(HoldPolicy.cartExpiry(NOW, TTL, List.of(NOW.plusSeconds(5), late))).isEqualTo(late);
    }

    @Test
    void mergingSumsQuantitiesCapsThemDropsWhatCannotBeSoldAndSaysSo() {
        Map<String, Integer> customer = new LinkedHashMap<>(Map.of("A", 2));
        customer.put("GONE", 1);
        Map<String, Integer> anonymous = new LinkedHashMap<>();
        anonymous.put("A", 3);
        anonymous.put("B", 1);
        anonymous.put("EMPTY", 2);
        Map<String, Integer> holdable = Map.of("A", 4, "B", 10, "EMPTY", 0, "GONE", 5);

        MergePolicy.Result result = MergePolicy.mergeLines(customer, anonymous, sku -> !sku.equals("GONE"),
                holdable::get);

        assertThat(result.lines()).containsExactly(Map.entry("A", 4), Map.entry("B", 1));
        assertThat(result.conflicts()).extracting(MergeOutcome.Conflict::kind, MergeOutcome.Conflict::sku)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MergeOutcome.Kind.QUANTITY_CAPPED, "A"),
                        org.assertj.core.groups.Tuple.tuple(MergeOutcome.Kind.NOT_SOLD, "GONE"),
                        org.assertj.core.groups.Tuple.tuple(MergeOutcome.Kind.OUT_OF_STOCK, "EMPTY"));
        assertThat(result.conflicts().getFirst().detail()).contains("Only 4 of A").contains("5 was reduced to 4");
        assertThat(MergePolicy.mergeCoupons(List.of("X", "Y"), List.of("Y", "Z"))).containsExactly("X", "Y", "Z");
    }

    @Test
    void handoffCodesUseNoLookAlikesAndForgiveCaseSpacesAndDashes() {
        Random random = new Random(42);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = HandoffCodes.generate(random);
            assertThat(code).hasSize(7).doesNotContain("0", "O", "1", "I", "L");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
        assertThat(HandoffCodes.normalise("ab2-c d3e")).isEqualTo("AB2CD3E");
        assertThatThrownBy(() -> HandoffCodes.normalise("AB0CDEF")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> HandoffCodes.normalise("ABCDEF")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void onlyOpenCartsOfTheNamedCustomerChange() {
        UUID cart = UUID.randomUUID();
        UUID her = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        CartRules.checkOpen(cart, CartState.OPEN, null);
        CartRules.checkCustomer(cart, her, her);
        CartRules.checkCustomer(cart, null, her);
        CartRules.checkCustomer(cart, her, null);
        assertThatThrownBy(() -> CartRules.checkCustomer(cart, her, UUID.randomUUID()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another customer");
        assertThatThrownBy(() -> CartRules.checkOpen(cart, CartState.MERGED, survivor))
                .isInstanceOf(ConflictException.class).hasMessageContaining("merged into cart " + survivor);
        assertThatThrownBy(() -> CartRules.checkOpen(cart, CartState.CLOSED, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("closed");
    }
}
