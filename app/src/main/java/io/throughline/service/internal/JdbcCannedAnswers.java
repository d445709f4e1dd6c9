package io.throughline.service.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import io.throughline.platform.StaffAccounts;
import io.throughline.service.CannedAnswer;
import io.throughline.service.CannedAnswers;
import io.throughline.service.Conversation;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Canned answers ({@code service.canned_answer}), filled for a case's customer when an agent inserts one. */
@Service
class JdbcCannedAnswers implements CannedAnswers {

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final JdbcClient jdbc;
    private final ConversationStore conversations;
    private final CustomerProfiles profiles;
    private final StaffAccounts staff;
    private final Clock clock;

    JdbcCannedAnswers(JdbcClient jdbc, ConversationStore conversations, CustomerProfiles profiles,
            StaffAccounts staff, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.profiles = profiles;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public List<CannedAnswer> list() {
        return jdbc.sql("SELECT id, shortcut, title, body FROM service.canned_answer ORDER BY shortcut")
                .query((rs, row) -> new CannedAnswer(Rows.uuid(rs, "id"), rs.getString("shortcut"),
                        rs.getString("title"), rs.getString("body"))).list();
    }

    @Override
    @Transactional
    public CannedAnswer create(String shortcut, String title, String body) {
        UUID id = Ids.newId(clock);
        CannedAnswer answer = checked(id, shortcut, title, body);
        try {
            jdbc.sql("""
                    INSERT INTO service.canned_answer (id, shortcut, title, body, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""").params(id, answer.shortcut(), answer.title(), answer.body(),
                    Rows.timestamp(clock.instant()), Rows.timestamp(clock.instant())).update();
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("shortcut", "another canned answer has that shortcut");
        }
        return answer;
    }

    @Override
    @Transactional
    public CannedAnswer update(UUID id, String shortcut, String title, String body) {
        CannedAnswer answer = checked(id, shortcut, title, body);
        try {
            if (jdbc.sql("""
                    UPDATE service.canned_answer SET shortcut = ?, title = ?, body = ?, updated_at = ? WHERE id = ?""")
                    .params(answer.shortcut(), answer.title(), answer.body(), Rows.timestamp(clock.instant()), id)
                    .update() == 0) {
                throw new NotFoundException("Canned answer", id);
            }
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("shortcut", "another canned answer has that shortcut");
        }
        return answer;
    }

    @Override
    @Transactional
    public void delete(UUID id) {
        if (jdbc.sql("DELETE FROM service.canned_answer WHERE id = ?").param(id).update() == 0) {
            throw new NotFoundException("Canned answer", id);
        }
    }

    @Override
    public String fill(UUID answerId, UUID conversationId, UUID staffId) {
        CannedAnswer answer = list().stream().filter(a -> a.id().equals(answerId)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("canned", "is not a canned answer of the inbox"));
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
        CustomerProfile customer = profiles.get(conversation.profileId());
        Map<String, @Nullable String> values = new HashMap<>();
        values.put("firstName", customer.givenName());
        values.put("lastName", customer.familyName());
        String full = ((customer.givenName() == null ? "" : customer.givenName()) + " "
                + (customer.familyName() == null ? "" : customer.familyName())).strip();
        values.put("fullName", full);
        values.put("agentName", staff.get(staffId).displayName());
        return Placeholders.fill(answer.body(), values);
    }

    private static CannedAnswer checked(UUID id, String shortcut, String title, String body) {
        String key = shortcut == null ? "" : shortcut.strip();
        if (!SHORTCUT.matcher(key).matches()) {
            throw new InvalidRequestException("shortcut", "must be 1 to 40 lower-case letters, digits or dashes");
        }
        String named = title == null ? "" : title.strip();
        if (named.isEmpty() || named.length() > 100) {
            throw new InvalidRequestException("title", "must be 1 to 100 characters");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > Replies.MAX_LENGTH) {
            throw new InvalidRequestException("body", "must be 1 to " + Replies.MAX_LENGTH + " characters");
        }
        Placeholders.check(text, PLACEHOLDERS, "body");
        return new CannedAnswer(id, key, named, text);
    }
}
