package io.throughline.service.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import io.throughline.service.Conversation;
import io.throughline.service.Medium;
import io.throughline.tracking.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Satisfaction surveys: when a case is resolved (and surveys are switched on), she gets a link on the medium of
 * her case; the page behind it asks for a score from 1 to 5 and a comment, and only a submitted form answers, so
 * a link scanner fetching the URL records nothing. The answer is stored once, added to the reports' totals and
 * logged as "Satisfaction Rated" on her timeline, which the shared dashboard's CSAT counts.
 */
@Component
class Surveys {

    /** A survey as its page shows it. */
    record Survey(UUID id, UUID conversationId, UUID profileId, @Nullable UUID agentId, Medium medium,
            String channel, @Nullable Instant answeredAt, @Nullable Integer score) {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Replies replies;
    private final ReportRollup rollup;
    private final EventLog log;
    private final Channels channels;
    private final ServiceSettings settings;
    private final MessageSource texts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Surveys(JdbcClient jdbc, Replies replies, ReportRollup rollup, EventLog log, Channels channels,
            ServiceSettings settings, MessageSource texts, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.replies = replies;
        this.rollup = rollup;
        this.log = log;
        this.channels = channels;
        this.settings = settings;
        this.texts = texts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** After a resolution committed: the survey's link, sent the way she last wrote. */
    void offer(Conversation resolved) {
        if (!Boolean.parseBoolean(settings.get("csat-after-resolution"))) {
            return;
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                INSERT INTO service.survey (id, conversation_id, profile_id, agent_id, medium, channel, token_digest,
                    sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), resolved.id(), resolved.profileId(), resolved.assigneeId(),
                        resolved.medium().name(), resolved.channel(), digest(token),
                        Rows.timestamp(clock.instant())).update();
        String link = settings.get("survey-base-url").replaceAll("/+$", "") + "/m/service/surveys/" + token;
        Locale language = Locale.forLanguageTag(settings.get("survey-language"));
        replies.botAnswer(resolved.id(), texts.getMessage("service.survey.invite", new Object[] {link}, language));
    }

    Optional<Survey> find(String token) {
        return jdbc.sql("""
                SELECT id, conversation_id, profile_id, agent_id, medium, channel, answered_at, score
                FROM service.survey WHERE token_digest = ?""").param(digest(token)).query((rs, row) -> {
                    int score = rs.getInt("score");
                    return new Survey(Rows.uuid(rs, "id"), Rows.uuid(rs, "conversation_id"),
                            Rows.uuid(rs, "profile_id"), Rows.uuidOrNull(rs, "agent_id"),
                            Rows.enumOf(rs, "medium", Medium.class), rs.getString("channel"),
                            Rows.instantOrNull(rs, "answered_at"), rs.wasNull() ? null : score);
                }).optional();
    }

    /** Her answer, once; the score 1 to 5, the comment optional. */
    void answer(String token, @Nullable Integer score, @Nullable String comment) {
        if (score == null || score < 1 || score > 5) {
            throw new InvalidRequestException("score", "choose a score from 1 to 5");
        }
        String said = comment == null ? "" : comment.strip();
        if (said.length() > 2000) {
            throw new InvalidRequestException("comment", "must be at most 2000 characters");
        }
        transactions.executeWithoutResult(status -> {
            Survey survey = jdbc.sql("SELECT id FROM service.survey WHERE token_digest = ? FOR UPDATE")
                    .param(digest(token)).query((rs, row) -> Rows.uuid(rs, "id")).optional()
                    .flatMap(id -> find(token))
                    .orElseThrow(() -> new NotFoundException("Survey", token.length() > 8 ? "…" : token));
            if (survey.answeredAt() != null) {
                throw new ConflictException("score", "this survey was answered already");
            }
            Instant now = clock.instant();
            jdbc.sql("UPDATE service.survey SET answered_at = ?, score = ?, comment = ? WHERE id = ?")
                    .params(Rows.timestamp(now), score, said.isEmpty() ? null : said, survey.id()).update();
            rollup.answered(survey.medium(), survey.agentId(), now, score);
            channels.find(survey.channel()).ifPresent(channel -> log.appendWithTransaction(
                    CustomerEvent.track(EventNames.SATISFACTION_RATED, channel, now)
                            .about(survey.profileId(), null)
                            .property("survey", "csat")
                            .property("score", score)
                            .property("has_comment", !said.isEmpty())
                            .property("conversation_id", survey.conversationId())
                            .property("medium", survey.medium().name().toLowerCase(Locale.ROOT))
                            .toAppend("survey-answered:" + survey.id(), now)));
        });
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every JDK", missing);
        }
    }
}
