package io.throughline.service.internal;

import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's settings, changed at run time by administrators (so a test or an operator points the mailboxes at
 * a server without restarting): how long a resolved case may be reopened, the first-response target, whether new
 * cases are assigned automatically, and the mail servers. Every read goes to the table; the inbox reads a few
 * values per message, which is cheap beside the message's own writes.
 */
@Component
class ServiceSettings {

    static final Map<String, String> DEFAULTS = defaults();
    /** Never shown back: only whether it is set. */
    static final Set<String> SECRETS = Set.of("imap-password", "smtp-password", "inbound-email-secret",
            "sms-auth-token", "whatsapp-app-secret", "whatsapp-verify-token", "whatsapp-token");

    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reopen-within-hours", "168");
        values.put("first-response-minutes", "120");
        values.put("resolution-hours", "72");
        values.put("sla-warning-minutes", "30");
        values.put("auto-assign", "false");
        values.put("email-channel", "email");
        values.put("chat-medium-channel", "");
        values.put("mail-from", "");
        values.put("smtp-host", "");
        values.put("smtp-port", "25");
        values.put("smtp-user", "");
        values.put("smtp-password", "");
        values.put("imap-host", "");
        values.put("imap-port", "143");
        values.put("imap-user", "");
        values.put("imap-password", "");
        values.put("imap-folder", "INBOX");
        values.put("inbound-email-secret", "");
        values.put("attachment-max-bytes", "5242880");
        values.put("csat-after-resolution", "false");
        values.put("survey-base-url", "http://localhost:8080");
        values.put("survey-language", "en");
        values.put("bot-media", "");
        values.put("bot-max-failed-turns", "2");
        values.put("handover-response-minutes", "120");
        values.put("return-policy", "");
        values.put("sms-channel", "contact-centre");
        values.put("sms-auth-token", "");
        values.put("sms-webhook-url", "");
        values.put("whatsapp-channel", "contact-centre");
        values.put("whatsapp-app-secret", "");
        values.put("whatsapp-verify-token", "");
        values.put("whatsapp-api-url", "https://graph.facebook.com/v21.0");
        values.put("whatsapp-phone-number-id", "");
        values.put("whatsapp-token", "");
        return Map.copyOf(values);
    }

    Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        // Keys of the inbox's own (the chat token key) are not settings and never shown.
        jdbc.sql("SELECT key, value FROM service.setting WHERE key = ANY(?)")
                .param(DEFAULTS.keySet().toArray(String[]::new))
                .query((rs, row) -> values.put(rs.getString("key"), rs.getString("value"))).list();
        return values;
    }

    String get(String key) {
        return jdbc.sql("SELECT value FROM service.setting WHERE key = ?").param(key).query(String.class).optional()
                .orElse(DEFAULTS.getOrDefault(key, ""));
    }

    Duration reopenWithin() {
        return Duration.ofHours(number("reopen-within-hours"));
    }

    Duration firstResponse() {
        return Duration.ofMinutes(number("first-response-minutes"));
    }

    /** The resolution target of cases no policy covers, around the clock. */
    Duration resolution() {
        return Duration.ofHours(number("resolution-hours"));
    }

    /** The first-response target of a case the bot handed to people: a human answer within it. */
    Duration handoverResponse() {
        return Duration.ofMinutes(number("handover-response-minutes"));
    }

    /** How long before a target a case shows as at risk. */
    Duration slaWarning() {
        return Duration.ofMinutes(number("sla-warning-minutes"));
    }

    boolean autoAssign() {
        return Boolean.parseBoolean(get("auto-assign"));
    }

    private long number(String key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException broken) {
            return Long.parseLong(DEFAULTS.get(key));
        }
    }

    @Transactional
    void change(Map<String, String> changes) {
        for (var change : changes.entrySet()) {
            if (!DEFAULTS.containsKey(change.getKey())) {
                throw new InvalidRequestException(change.getKey(), "is not a setting of the inbox");
            }
            String value = change.getValue() == null ? "" : change.getValue().strip();
            if (change.getKey().endsWith("-hours") || change.getKey().endsWith("-minutes")
                    || change.getKey().endsWith("-port") || change.getKey().endsWith("-bytes")) {
                try {
                    if (Long.parseLong(value) < 0) {
                        throw new InvalidRequestException(change.getKey(), "must not be negative");
                    }
                } catch (NumberFormatException notANumber) {
                    throw new InvalidRequestException(change.getKey(), "must be a whole number");
                }
            }
            jdbc.sql("""
                    INSERT INTO service.setting (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                    .params(change.getKey(), value, Rows.timestamp(clock.instant())).update();
        }
    }
}
