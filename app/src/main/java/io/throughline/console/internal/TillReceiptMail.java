package io.throughline.console.internal;

import io.throughline.messaging.ChannelChoices;
import io.throughline.messaging.ChannelDecision;
import io.throughline.messaging.Dispatch;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Variant;
import io.throughline.orders.Order;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The till's receipt by email: a transactional message named {@value #NAME}, made on first use so that marketing
 * can restyle it in Messages like any other, sent to the customer's email with the sale's lines as its data. Each
 * sale's receipt is sent once, however often the associate presses the button.
 */
@Component
class TillReceiptMail {

    static final String NAME = "Till receipt";

    private static final String SUBJECT = "Your receipt {{receipt.number}} from {{receipt.shop}}";
    private static final String HTML = """
            <h1>{{receipt.shop}}</h1>
            <p>Receipt {{receipt.number}} · {{receipt.time}}</p>
            <table>{{#receipt.lines}}<tr><td>{{quantity}} × {{name}}</td><td>{{amount}}</td></tr>{{/receipt.lines}}
            {{#receipt.adjustments}}<tr><td>{{reason}}</td><td>{{amount}}</td></tr>{{/receipt.adjustments}}
            <tr><th>Total</th><th>{{receipt.total}}</th></tr></table>
            <p>Thank you, {{givenName}}. Keep this receipt: its number finds the sale for a return in any of our shops.</p>
            """;
    private static final String TEXT = """
            {{receipt.shop}} · receipt {{receipt.number}} · {{receipt.time}}
            {{#receipt.lines}}{{quantity}} × {{name}}  {{amount}}
            {{/receipt.lines}}{{#receipt.adjustments}}{{reason}}  {{amount}}
            {{/receipt.adjustments}}Total {{receipt.total}}

            Thank you, {{givenName}}. Keep this receipt: its number finds the sale for a return in any of our shops.
            """;

    private final Messages messages;
    private final ChannelChoices choices;
    private final MoneyFormat money;
    private final ConsoleDates dates;
    private final Clock clock;

    TillReceiptMail(Messages messages, ChannelChoices choices, MoneyFormat money, ConsoleDates dates, Clock clock) {
        this.messages = messages;
        this.choices = choices;
        this.money = money;
        this.dates = dates;
        this.clock = clock;
    }

    /** Sends the receipt of the customer's order; the decision says whether it went and, if not, why. */
    ChannelDecision send(Order order, UUID profileId, String shopName) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("shop", shopName);
        receipt.put("number", order.number());
        receipt.put("time", dates.minute(order.placedAt()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            lines.add(Map.of("quantity", line.quantity(), "name", line.name(), "amount", money.format(line.subtotal())));
        }
        receipt.put("lines", lines);
        List<Map<String, Object>> adjustments = new ArrayList<>();
        order.adjustments().forEach(adjustment -> adjustments.add(Map.of("reason", adjustment.reason(),
                "amount", money.format(adjustment.amount()))));
        receipt.put("adjustments", adjustments);
        receipt.put("total", money.format(order.total()));
        return choices.dispatch(new Dispatch(message().id(), profileId, MessageChannel.EMAIL,
                Dispatch.QuietHours.DROP, Map.of("receipt", receipt), null, "till:receipt", clock.instant(),
                "till-receipt:" + order.id()));
    }

    private synchronized Message message() {
        return messages.findByName(NAME).orElseGet(() -> messages.create(new NewMessage(NAME,
                MessagePurpose.TRANSACTIONAL, Map.of(), List.of(new Variant.Email("a", SUBJECT, HTML, TEXT)))));
    }
}
