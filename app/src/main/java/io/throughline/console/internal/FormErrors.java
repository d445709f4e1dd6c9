package io.throughline.console.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's errors as one message per field, for templates to show next to each field; errors of the form as a
 * whole under {@link #FORM}.
 */
final class FormErrors {

    static final String FORM = "form";

    private FormErrors() {}

    static Map<String, String> of(BindingResult form) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : form.getFieldErrors()) {
            // A value that did not even convert (letters for a number) carries Spring's technical message.
            String message = error.isBindingFailure() ? "is not a valid value"
                    : Objects.requireNonNullElse(error.getDefaultMessage(), "is not valid");
            messages.putIfAbsent(error.getField(), message);
        }
        form.getGlobalErrors().forEach(error -> messages.putIfAbsent(FORM,
                Objects.requireNonNullElse(error.getDefaultMessage(), "is not valid")));
        return messages;
    }
}
