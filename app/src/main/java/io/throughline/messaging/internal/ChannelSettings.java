package io.throughline.messaging.internal;

import io.throughline.platform.InvalidRequestException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each channel delivers: the SMTP server, the SMS provider, the push webhook and the public address of
 * tracking links. The configuration file gives the starting values ({@code spring.mail.*},
 * {@code throughline.messaging.*}); an administrator may change them at run time, and the change, kept in
 * the database, applies to the next send on every node without a restart. A blank value means "not
 * configured": the channel then delivers into the local sink.
 */
@Component
class ChannelSettings {

    static final String SMTP_HOST = "smtp-host";
    static final String SMTP_PORT = "smtp-port";
    static final String SMTP_USERNAME = "smtp-username";
    static final String SMTP_PASSWORD = "smtp-password";
    static final String MAIL_FROM = "mail-from";
    static final String SMS_URL = "sms-url";
    static final String SMS_FROM = "sms-from";
    static final String SMS_TOKEN = "sms-token";
    static final String SMS_USERNAME = "sms-username";
    static final String SMS_PASSWORD = "sms-password";
    static final String PUSH_URL = "push-url";
    static final String PUSH_TOKEN = "push-token";
    static final String PUBLIC_BASE_URL = "public-base-url";

    /** Each setting and the configuration property it starts from. */
    private static final Map<String, String> PROPERTIES = properties();
    private static final Set<String> SECRETS = Set.of(SMTP_PASSWORD, SMS_TOKEN, SMS_PASSWORD, PUSH_TOKEN);
    private static final Set<String> URLS = Set.of(SMS_URL, PUSH_URL, PUBLIC_BASE_URL);
    private static final Map<String, String> BUILT_IN = builtIn();

    private final JdbcClient jdbc;
    private final Map<String, String> configured;

    ChannelSettings(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        Map<String, String> values = new LinkedHashMap<>(BUILT_IN);
        PROPERTIES.forEach((name, property) -> {
            String value = environment.getProperty(property);
            if (value != null) {
                values.put(name, value);
            }
        });
        this.configured = Map.copyOf(values);
    }

    private static Map<String, String> builtIn() {
        Map<String, String> values = new LinkedHashMap<>(Map.of(SMTP_PORT, "25", MAIL_FROM,
                "no-reply@throughline.local", SMS_FROM, "Throughline", PUBLIC_BASE_URL, "http://localhost:8080"));
        values.putAll(ChoiceSettings.builtIn());
        return Map.copyOf(values);
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(SMTP_HOST, "spring.mail.host");
        properties.put(SMTP_PORT, "spring.mail.port");
        properties.put(SMTP_USERNAME, "spring.mail.username");
        properties.put(SMTP_PASSWORD, "spring.mail.password");
        properties.put(MAIL_FROM, "throughline.messaging.mail-from");
        properties.put(SMS_URL, "throughline.messaging.sms.url");
        properties.put(SMS_FROM, "throughline.messaging.sms.from");
        properties.put(SMS_TOKEN, "throughline.messaging.sms.token");
        properties.put(SMS_USERNAME, "throughline.messaging.sms.username");
        properties.put(SMS_PASSWORD, "throughline.messaging.sms.password");
        properties.put(PUSH_URL, "throughline.messaging.push.url");
        properties.put(PUSH_TOKEN, "throughline.messaging.push.token");
        properties.put(PUBLIC_BASE_URL, "throughline.messaging.public-base-url");
        ChoiceSettings.builtIn().keySet().forEach(name -> properties.put(name, "throughline.messaging.choice." + name));
        return Map.copyOf(properties);
    }

    /** The settings in force now, blank ones left out. */
    Values current() {
        Map<String, String> values = new LinkedHashMap<>(configured);
        jdbc.sql("SELECT name, value FROM messaging.setting").query((rs, row) -> Map.entry(rs.getString(1),
                rs.getString(2))).list().forEach(setting -> values.put(setting.getKey(), setting.getValue()));
        values.values().removeIf(String::isBlank);
        return new Values(Map.copyOf(values));
    }

    /** The channel-choice rules in force now. */
    ChoiceRules choiceRules() {
        return ChoiceSettings.rules(current()::get);
    }

    /** The settings for an administrator to read: secrets only say whether they are set. */
    Map<String, Object> describe() {
        Values values = current();
        Map<String, Object> described = new LinkedHashMap<>();
        for (String name : List.copyOf(new java.util.TreeSet<>(PROPERTIES.keySet()))) {
            String value = values.get(name);
            described.put(name, SECRETS.contains(name) ? Boolean.valueOf(value != null) : value == null ? "" : value);
        }
        return described;
    }

    /**
     * Changes the named settings; a blank value turns the setting off, whatever the configuration file says, or,
     * for a channel-choice rule that cannot be off, brings back its configured or built-in value.
     */
    @Transactional
    void change(Map<String, String> changes) {
        changes.forEach((name, value) -> {
            if (!PROPERTIES.containsKey(name)) {
                throw new InvalidRequestException(name, "is not a messaging setting; known: " + PROPERTIES.keySet());
            }
            check(name, value);
        });
        changes.forEach((name, value) -> {
            if (value.isBlank() && ChoiceSettings.blankMeansBuiltIn(name)) {
                jdbc.sql("DELETE FROM messaging.setting WHERE name = ?").param(name).update();
                return;
            }
            jdbc.sql("""
                    INSERT INTO messaging.setting (name, value) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value""").params(name, value.strip()).update();
        });
    }

    private static void check(String name, @Nullable String value) {
        if (value == null) {
            throw new InvalidRequestException(name, "must be a string; blank to turn it off");
        }
        if (value.isBlank()) {
            return;
        }
        if (ChoiceSettings.owns(name)) {
            ChoiceSettings.check(name, value);
            return;
        }
        if (SMTP_PORT.equals(name)) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port < 1 || port > 65_535) {
                    throw new InvalidRequestException(name, "must be a port number from 1 to 65535");
                }
            } catch (NumberFormatException notANumber) {
                throw new InvalidRequestException(name, "must be a port number from 1 to 65535");
            }
        }
        if (URLS.contains(name)) {
            try {
                URI uri = URI.create(value.strip());
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new InvalidRequestException(name, "must be an http or https URL");
                }
            } catch (IllegalArgumentException notAUri) {
                throw new InvalidRequestException(name, "must be an http or https URL");
            }
        }
    }

    /** A snapshot of the settings; absent means not configured. */
    record Values(Map<String, String> values) {

        @Nullable String get(String name) {
            return values.get(name);
        }

        String baseUrl() {
            String base = values.getOrDefault(PUBLIC_BASE_URL, "http://localhost:8080");
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
    }
}
