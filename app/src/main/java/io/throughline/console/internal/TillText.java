package io.throughline.console.internal;

import java.util.List;

/**
 * A text for the till page to show, as a key of the {@code till} bundle with its arguments, so that what a
 * redirect carries is said in the reader's language ({@code #messages.msgWithParams(key, args)}).
 */
record TillText(String key, List<Object> arguments) {

    TillText {
        arguments = List.copyOf(arguments);
    }

    static TillText of(String key, Object... arguments) {
        return new TillText(key, List.of(arguments));
    }

    /** The arguments as Thymeleaf's {@code #messages} takes them. */
    public Object[] args() {
        return arguments.toArray();
    }
}
