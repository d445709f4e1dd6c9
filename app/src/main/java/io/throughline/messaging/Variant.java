package io.throughline.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One channel's content of a message, each field a Mustache template. A message may hold up to
 * {@value #MAX_PER_CHANNEL} variants per channel, told apart by their key, for A/B tests. In JSON the channel
 * names the kind: {@code {"channel": "sms", "key": "a", "text": "Hi {{givenName}}"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "channel")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Variant.Email.class, name = "email"),
        @JsonSubTypes.Type(value = Variant.Sms.class, name = "sms"),
        @JsonSubTypes.Type(value = Variant.Push.class, name = "push"),
        @JsonSubTypes.Type(value = Variant.InApp.class, name = "in_app"),
        @JsonSubTypes.Type(value = Variant.Task.class, name = "task")})
public sealed interface Variant {

    int MAX_PER_CHANNEL = 5;
    String DEFAULT_KEY = "a";
    String KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,19}";

    String key();

    @JsonIgnore
    MessageChannel channel();

    /** The template fields by name, for validation and rendering. */
    @JsonIgnore
    Map<String, String> templates();

    /** The same variant with every template field replaced, e.g. by its rendered text. */
    Variant map(Field.Mapper mapper);

    /** A template field's name and whether it is HTML (escaped on rendering) or plain text (not escaped). */
    record Field(String name, boolean html) {

        /** Turns one field's template into its output. */
        @FunctionalInterface
        public interface Mapper {
            String apply(Field field, String template);
        }
    }

    private static String keyOrDefault(@Nullable String key) {
        return key == null || key.isBlank() ? DEFAULT_KEY : key;
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static UnaryOperator<String> plain(Field.Mapper mapper, String name) {
        return value -> mapper.apply(new Field(name, false), value);
    }

    record Email(@Pattern(regexp = KEY_PATTERN) String key, @NotBlank @Size(max = 500) String subject,
            @NotBlank @Size(max = 100_000) String html, @NotBlank @Size(max = 50_000) String text)
            implements Variant {

        public Email {
            key = keyOrDefault(key);
        }

        @Override
        public MessageChannel channel() {
            return MessageChannel.EMAIL;
        }

        @Override
        public Map<String, String> templates() {
            return fields("subject", subject, "html", html, "text", text);
        }

        @Override
        public Email map(Field.Mapper mapper) {
            return new Email(key, plain(mapper, "subject").apply(subject), mapper.apply(new Field("html", true), html),
                    plain(mapper, "text").apply(text));
        }
    }

    record Sms(@Pattern(regexp = KEY_PATTERN) String key, @NotBlank @Size(max = 1600) String text)
            implements Variant {

        public Sms {
            key = keyOrDefault(key);
        }

        @Override
        public MessageChannel channel() {
            return MessageChannel.SMS;
        }

        @Override
        public Map<String, String> templates() {
            return fields("text", text);
        }

        @Override
        public Sms map(Field.Mapper mapper) {
            return new Sms(key, plain(mapper, "text").apply(text));
        }

        /** The length and segment count of this text as an SMS. */
        public SmsLength length() {
            return SmsLength.of(text);
        }
    }

    record Push(@Pattern(regexp = KEY_PATTERN) String key, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String body, @Nullable @Size(max = 2000) String link) implements Variant {

        public Push {
            key = keyOrDefault(key);
            link = link == null ? "" : link;
        }

        @Override
        public MessageChannel channel() {
            return MessageChannel.PUSH;
        }

        @Override
        public Map<String, String> templates() {
            return fields("title", title, "body", body, "link", link);
        }

        @Override
        public Push map(Field.Mapper mapper) {
            return new Push(key, plain(mapper, "title").apply(title), plain(mapper, "body").apply(body),
                    plain(mapper, "link").apply(link));
        }
    }

    record InApp(@Pattern(regexp = KEY_PATTERN) String key, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String body, @Nullable @Size(max = 2000) String link) implements Variant {

        public InApp {
            key = keyOrDefault(key);
            link = link == null ? "" : link;
        }

        @Override
        public MessageChannel channel() {
            return MessageChannel.IN_APP;
        }

        @Override
        public Map<String, String> templates() {
            return fields("title", title, "body", body, "link", link);
        }

        @Override
        public InApp map(Field.Mapper mapper) {
            return new InApp(key, plain(mapper, "title").apply(title), plain(mapper, "body").apply(body),
                    plain(mapper, "link").apply(link));
        }
    }

    /** A task on a shop's associate list: call or greet the customer about something. */
    record Task(@Pattern(regexp = KEY_PATTERN) String key, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String body) implements Variant {

        public Task {
            key = keyOrDefault(key);
        }

        @Override
        public MessageChannel channel() {
            return MessageChannel.TASK;
        }

        @Override
        public Map<String, String> templates() {
            return fields("title", title, "body", body);
        }

        @Override
        public Task map(Field.Mapper mapper) {
            return new Task(key, plain(mapper, "title").apply(title), plain(mapper, "body").apply(body));
        }
    }
}
