package io.throughline.console.internal;

import java.util.UUID;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the till view of a cart the idempotency key of its checkout form: made when the form is shown, so that
 * submitting it twice places one order.
 */
@ControllerAdvice(assignableTypes = CartPagesController.class)
class TillCheckoutAdvice {

    @ModelAttribute("checkoutKey")
    String checkoutKey() {
        return "console-till-" + UUID.randomUUID();
    }
}
