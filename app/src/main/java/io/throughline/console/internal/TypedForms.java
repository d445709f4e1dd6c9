package io.throughline.console.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What was typed into a form whose values did not all convert. Spring binds a record form through its constructor;
 * when one value does not convert (letters for a number, a choice that does not exist, a broken id) it makes no
 * form at all and keeps the typed text only in the binding result. These rebuild the form from the values that did
 * convert and give back the text of those that did not, so that the page can show each error at its field with
 * what was typed still in it.
 */
final class TypedForms {

    /** The model attribute holding {@link #rejected(BindingResult)}, for templates to put back into inputs. */
    static final String TYPED = "typed";

    private TypedForms() {}

    /** The form as bound, or rebuilt from the values that converted when binding made none. */
    static <R extends Record> R orRebuilt(@Nullable R bound, Class<R> type, BindingResult binding) {
        return bound != null ? bound : rebuilt(type, binding);
    }

    /** A form with the values that converted; a value that did not is left empty (zero or false if primitive). */
    static <R extends Record> R rebuilt(Class<R> type, BindingResult binding) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            FieldError error = binding.getFieldError(components[i].getName());
            Object value = error != null && error.isBindingFailure() ? null
                    : binding.getFieldValue(components[i].getName());
            values[i] = value != null && ClassUtils.isAssignableValue(types[i], value) ? value : null;
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return BeanUtils.instantiateClass(canonical, values);
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException("A record has its canonical constructor", impossible);
        }
    }

    /** The text typed into each field whose value did not convert, by field name. */
    static Map<String, String> rejected(BindingResult binding) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            if (error.isBindingFailure()) {
                typed.putIfAbsent(error.getField(), text(error.getRejectedValue()));
            }
        }
        return typed;
    }

    private static String text(@Nullable Object rejected) {
        if (rejected instanceof String[] values) {
            return values.length == 0 ? "" : values[0];
        }
        return rejected == null ? "" : rejected.toString();
    }
}
