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

    /**
     * Refuses a field's value. Unlike {@link BindingResult#rejectValue} this also works on a form whose binding made
     * no form because another value did not convert; the field keeps what was typed into it.
     */
    static void reject(BindingResult form, String field, String code, String message) {
        if (form.getTarget() != null) {
            form.rejectValue(field, code, message);
            return;
        }
        form.addError(new FieldError(form.getObjectName(), field, form.getFieldValue(field), false,
                form.resolveMessageCodes(code, field), null, message));
    }

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
