package io.throughline.console.internal;

import io.throughline.platform.CheckoutRefused;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.ThroughlineException;

/**
 * What the till says when a module refuses: the refusals an associate meets every day in words with the way out,
 * anything else with the module's own explanation.
 */
final class TillRefusals {

    private TillRefusals() {}

    static ConsoleText of(ThroughlineException refused) {
        String detail = switch (refused) {
            case InvalidRequestException invalid -> invalid.reason();
            default -> refused.getMessage();
        };
        if (refused instanceof NotFoundException && detail.toLowerCase(java.util.Locale.ROOT).contains("handoff code")) {
            return ConsoleText.of("till.refused.code.unknown");
        }
        if (refused instanceof InvalidRequestException invalid && invalid.field().equals("code")
                && detail.startsWith("must")) {
            return ConsoleText.of("till.refused.code.malformed");
        }
        if (refused instanceof ConflictException && detail.contains("already used")) {
            return ConsoleText.of("till.refused.code.used");
        }
        if (refused instanceof ConflictException && detail.contains("expired")) {
            return ConsoleText.of("till.refused.code.expired");
        }
        if (refused instanceof ConflictException && detail.contains("cannot hold")) {
            return ConsoleText.of("till.refused.stock", detail);
        }
        if (refused instanceof CheckoutRefused checkout && checkout.reason() == CheckoutRefused.Reason.PAYMENT_DECLINED) {
            return ConsoleText.of("till.refused.declined", detail);
        }
        return ConsoleText.of("till.refused", detail);
    }
}
