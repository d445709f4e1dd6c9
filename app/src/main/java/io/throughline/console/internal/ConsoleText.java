package io.throughline.console.internal;

import java.util.List;

/**
 * A text for a console page to show, as a message key with its arguments, so that what a redirect carries is said
 * in the reader's language ({@code #messages.msgWithParams(key, args)}). Keys are literal at the call
 * ({@code ConsoleText.of("orders.pickups.handedOver", …)}) so that the language checks find them.
 */
record ConsoleText(String key, List<Object> arguments) {

    ConsoleText {
        arguments = List.copyOf(arguments);
    }

    static ConsoleText of(String key, Object... arguments) {
        return new ConsoleText(key, List.of(arguments));
    }

    /** The arguments as Thymeleaf's {@code #messages} takes them. */
    public Object[] args() {
        return arguments.toArray();
    }
}
