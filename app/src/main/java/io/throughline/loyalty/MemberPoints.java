package io.throughline.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's points as they stand.
 *
 * @param accountId the account that holds them: the survivor's when her profile was merged into another
 * @param balance   points she can spend, less what she owes
 * @param owed      points reversed after she had spent them, paid back by the next points she earns
 * @param lots      the lots still holding points, nearest expiry first
 */
public record MemberPoints(UUID profileId, UUID accountId, long balance, long owed, List<Lot> lots) {

    public MemberPoints {
        lots = List.copyOf(lots);
    }

    /** Points of one lot still to be spent, and when they expire. */
    public record Lot(UUID id, long points, long remaining, Instant expiresAt) {}
}
