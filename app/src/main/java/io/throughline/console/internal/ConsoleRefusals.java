package io.throughline.console.internal;

import io.throughline.platform.CheckoutRefused;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.ThroughlineException;
import io.throughline.platform.TooManyAttempts;

/**
 * What a console page says when a module refuses: the refusals staff meet in their daily work said in their
 * language with the way out, keyed by the kind of refusal and the field it names; any other with the module's own
 * explanation inside a translated sentence. The till's own refusals are {@link TillRefusals}.
 */
final class ConsoleRefusals {

    private ConsoleRefusals() {}

    static ConsoleText of(ThroughlineException refused) {
        return switch (refused) {
            case NotFoundException missing -> ConsoleText.of("refusals.notFound");
            case TooManyAttempts tooMany -> ConsoleText.of("refusals.tooMany", tooMany.retryAfterSeconds());
            case CheckoutRefused checkout when checkout.reason() == CheckoutRefused.Reason.PAYMENT_DECLINED ->
                    ConsoleText.of("refusals.declined");
            case InvalidRequestException invalid when invalid.field().equals("pickupCode") ->
                    ConsoleText.of("refusals.pickupCode");
            case ConflictException conflict when conflict.field().equals("paidWith") ->
                    ConsoleText.of("refusals.paidAlready");
            case ConflictException conflict when conflict.field().equals("refundTo") ->
                    ConsoleText.of("refusals.refundTo");
            case ConflictException conflict when conflict.field().equals("state") ->
                    ConsoleText.of("refusals.state", conflict.getMessage());
            case InvalidRequestException invalid -> ConsoleText.of("refusals.field", invalid.field(), invalid.reason());
            default -> ConsoleText.of("refusals.other", refused.getMessage());
        };
    }
}
