package io.throughline.messaging.internal;

import static io.throughline.messaging.MessageChannel.EMAIL;
import static io.throughline.messaging.MessageChannel.PUSH;
import static io.throughline.messaging.MessageChannel.SMS;
import static io.throughline.messaging.MessageChannel.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrequencyCapsAndControlGroupTests {

    static final FrequencyCaps CAPS = FrequencyCaps.defaults();

    @Test
    void aChannelUnderItsCapAndTheTotalMayCarryOneMore() {
        assertThat(CAPS.breach(EMAIL, Map.of())).isEmpty();
        assertThat(CAPS.breach(EMAIL, Map.of(EMAIL, 1, SMS, 1))).isEmpty();
    }

    @Test
    void aChannelAtItsOwnCapIsCappedWhileAnotherIsNot() {
        assertThat(CAPS.breach(SMS, Map.of(SMS, 1))).contains("frequency cap: 1 of 1 sms marketing messages in 7 days");
        assertThat(CAPS.breach(PUSH, Map.of(SMS, 1))).isEmpty();
    }

    @Test
    void theTotalCapsEveryChannelIncludingThoseWithoutACapOfTheirOwn() {
        Map<io.throughline.messaging.MessageChannel, Integer> sent = Map.of(EMAIL, 2, PUSH, 1);
        assertThat(CAPS.breach(SMS, sent)).contains("frequency cap: 3 of 3 marketing messages in 7 days");
        assertThat(CAPS.breach(TASK, sent)).contains("frequency cap: 3 of 3 marketing messages in 7 days");
        assertThat(CAPS.breach(TASK, Map.of(TASK, 2))).isEmpty();
    }

    @Test
    void aCustomerStaysInOrOutOfTheControlGroup() {
        ControlGroup group = new ControlGroup(5);
        for (int i = 0; i < 200; i++) {
            UUID profile = UUID.randomUUID();
            assertThat(group.contains(profile)).isEqualTo(new ControlGroup(5).contains(profile));
        }
    }

    @Test
    void theControlGroupHoldsItsShareOfCustomers() {
        ControlGroup group = new ControlGroup(5);
        long members = IntStream.range(0, 20_000).filter(i -> group.contains(UUID.randomUUID())).count();
        // 1000 expected; five standard deviations either side.
        assertThat(members).isBetween(845L, 1155L);
    }

    @Test
    void raisingTheShareOnlyAddsCustomersAndZeroHoldsNobody() {
        Map<UUID, Boolean> atFive = new HashMap<>();
        IntStream.range(0, 2_000).forEach(i -> {
            UUID profile = UUID.randomUUID();
            atFive.put(profile, new ControlGroup(5).contains(profile));
        });
        atFive.forEach((profile, member) -> {
            if (member) {
                assertThat(new ControlGroup(10).contains(profile)).isTrue();
            }
            assertThat(new ControlGroup(0).contains(profile)).isFalse();
        });
    }
}
