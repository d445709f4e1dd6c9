package io.throughline.platform.internal.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, so a request carrying one would fail deep inside a write with
 * a 500. Every string read from a JSON request body is checked as it is read, so the answer is a 400 naming the
 * field. (Bodies read as trees, such as the collection API's, are checked where they are read.)
 */
final class NulCharacters {

    static final String REASON = "must not contain the NUL character (\\u0000)";

    private NulCharacters() {}

    /** The string {@code value} holds a NUL character; names its field through the path Jackson adds. */
    static final class Found extends InvalidFormatException {
        Found(JsonParser parser, String value) {
            super(parser, REASON, value, String.class);
        }
    }

    static boolean in(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\0') {
                return true;
            }
        }
        return false;
    }

    static SimpleModule module() {
        return new SimpleModule("nul-refusing-strings").addDeserializer(String.class, new Refusing());
    }

    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && in(value)) {
                throw new Found(parser, value);
            }
            return value;
        }
    }
}
