package io.throughline.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's request to see, take away, erase, correct or restrict her data, as staff work it. It holds ids
 * and staff notes, never a copy of her data.
 *
 * @param details         what the customer asked, in staff's words
 * @param erasureReceipt  the signed receipt of an erasure, as JSON, once the erasure ran
 */
public record SubjectRequest(UUID id, Kind kind, State state, UUID profileId, ReceivedVia receivedVia,
        Instant receivedAt, Instant dueAt, @Nullable String details, @Nullable Verification verification,
        @Nullable String verificationNote, @Nullable Refusal refusal, @Nullable String outcomeNote,
        @Nullable String erasureReceipt, @Nullable Instant closedAt, Instant updatedAt) {

    /** The law gives a month; we count 30 days from receipt. */
    public static final Duration ANSWER_WITHIN = Duration.ofDays(30);

    /** What the customer asks for (GDPR articles 15 to 18 and 20). */
    public enum Kind {
        ACCESS, PORTABILITY, ERASURE, RECTIFICATION, RESTRICTION
    }

    /** Where a request is; {@link #COMPLETED} and {@link #REFUSED} are final. */
    public enum State {
        RECEIVED, VERIFIED, IN_PROGRESS, COMPLETED, REFUSED;

        public boolean open() {
            return this != COMPLETED && this != REFUSED;
        }
    }

    /** How the request reached the brand. */
    public enum ReceivedVia {
        EMAIL, LETTER, PHONE, IN_STORE, WEB_FORM
    }

    /** How staff made sure the requester is the customer the data is about. */
    public enum Verification {
        SIGNED_IN_ACCOUNT, EMAIL_CONFIRMATION, ID_DOCUMENT, KNOWLEDGE_QUESTIONS, OTHER
    }

    /** Why a request was refused; the note says more. */
    public enum Refusal {
        IDENTITY_NOT_VERIFIED, MANIFESTLY_UNFOUNDED, EXCESSIVE, LEGAL_OBLIGATION, NO_DATA_HELD, OTHER
    }

    public boolean overdue(Instant now) {
        return state.open() && now.isAfter(dueAt);
    }

    /** One move of a request and who made it: the request's audit trail. */
    public record Step(State state, UUID staffId, @Nullable String note, Instant at) {}
}
