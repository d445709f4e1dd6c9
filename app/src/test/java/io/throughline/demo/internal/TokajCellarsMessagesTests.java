package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.Preview;
import io.throughline.messaging.Variant;
import io.throughline.platform.PageRequest;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class TokajCellarsMessagesTests {

    @Autowired
    Messages messages;

    @Test
    void theBrandHasItsFourHungarianMessagesOnceEvenWhenLoadedAgain() {
        long before = messages.list(new PageRequest(0, 1)).totalItems();

        new DemoMessages(messages).load();

        assertThat(messages.list(new PageRequest(0, 1)).totalItems()).isEqualTo(before);
        assertThat(List.of(DemoMessages.WELCOME, DemoMessages.CART_REMINDER, DemoMessages.READY_FOR_PICKUP,
                DemoMessages.REVIEW_REQUEST)).allSatisfy(name -> assertThat(messages.findByName(name)).isPresent());
        Message pickup = messages.findByName(DemoMessages.READY_FOR_PICKUP).orElseThrow();
        assertThat(pickup.purpose()).isEqualTo(MessagePurpose.TRANSACTIONAL);
        assertThat(messages.findByName(DemoMessages.CART_REMINDER).orElseThrow().variantsFor(MessageChannel.SMS))
                .extracting(Variant::key).containsExactly("a", "b");
    }

    @Test
    void theCartReminderRendersTheCartForAnUnnamedCustomer() {
        Message reminder = messages.findByName(DemoMessages.CART_REMINDER).orElseThrow();

        List<Preview> previews = messages.preview(reminder.id(), MessageChannel.EMAIL, null, Map.of("cart",
                Map.of("items", List.of(Map.of("name", "Tokaji Aszú 5 puttonyos 2017", "quantity", 2)))));

        Variant.Email email = (Variant.Email) previews.getFirst().rendered();
        assertThat(email.subject()).isEqualTo("Anna, a kosarad még vár");
        assertThat(email.text()).contains("- Tokaji Aszú 5 puttonyos 2017, 2 db");
        assertThat(email.html()).contains("<li>Tokaji Aszú 5 puttonyos 2017 – 2 db</li>");
    }
}
