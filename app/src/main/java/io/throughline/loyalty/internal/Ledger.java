package io.throughline.loyalty.internal;

import io.throughline.loyalty.internal.LedgerStore.Entry;
import io.throughline.loyalty.internal.LedgerStore.OpenLot;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double entry: every movement writes entries that add up to zero, between the member's account and the
 * programme's book for its kind, and keeps the member's lots in step, so that an account's entries always equal
 * the points in its lots less what it owes. Each operation locks the account first, so concurrent spending from
 * one account queues and never overdraws it, and writes its movement under a reference, so a repeat does nothing
 * and answers empty. Runs inside the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Ledger {

    private final LedgerStore store;
    private final Clock clock;

    Ledger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Points earned: a new lot, after paying back what the member owes. */
    Optional<UUID> earn(Posting posting, long points, Instant expiresAt) {
        return credit(posting, points, Book.ISSUED, expiresAt);
    }

    /** Points spent; more than she holds is refused as a conflict on {@code field}, with nothing written. */
    Optional<UUID> redeem(Posting posting, long points, String field) {
        long owed = store.lock(posting.accountId());
        long available = store.held(posting.accountId()) - owed;
        if (points > available) {
            if (store.recorded(posting.reference()).isPresent()) {
                return Optional.empty();
            }
            throw new ConflictException(field, "Only " + Math.max(0, available) + " points are available; "
                    + points + " were asked");
        }
        return debit(posting, points, Book.REDEEMED, false);
    }

    /** Earned points taken back; what she has already spent becomes points she owes. */
    Optional<UUID> reverseEarn(Posting posting, long points) {
        return debit(posting, points, Book.ISSUED, true);
    }

    /** Spent points given back, living as long as the latest of the lots they were taken from. */
    Optional<UUID> refundRedemption(Posting posting, UUID redemption, long points, Instant fallbackExpiry) {
        Instant used = store.latestExpiryUsedBy(redemption);
        return credit(posting, points, Book.REDEEMED, used == null ? fallbackExpiry : used);
    }

    /** Staff's adjustment; taking more than she holds is refused. */
    Optional<UUID> adjust(Posting posting, long points, Instant expiresAt, String field) {
        if (points >= 0) {
            return credit(posting, points, Book.ADJUSTED, expiresAt);
        }
        long owed = store.lock(posting.accountId());
        long available = store.held(posting.accountId()) - owed;
        if (-points > available) {
            throw new ConflictException(field, "Only " + Math.max(0, available) + " points can be taken; "
                    + -points + " were asked");
        }
        return debit(posting, -points, Book.ADJUSTED, false);
    }

    /**
     * An absorbed account's open lots and what it owes move to the survivor's account, which then nets the two;
     * the absorbed account names the survivor until the merge is undone. Accounts are locked in id order.
     */
    Optional<UUID> merge(UUID survivor, UUID absorbed, String reference, Instant at) {
        lockBoth(survivor, absorbed);
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        Optional<UUID> claimed = store.claim(id, Posting.of(survivor, MovementKind.MERGED, reference, at), 0, now);
        if (claimed.isEmpty()) {
            return claimed;
        }
        long moved = store.moveOpenLots(absorbed, survivor);
        long absorbedOwed = store.lock(absorbed);
        long net = moved - absorbedOwed;
        store.owed(absorbed, 0);
        store.owed(survivor, store.lock(survivor) + absorbedOwed);
        store.mergedInto(absorbed, survivor);
        settleOwed(survivor);
        store.entries(id, List.of(new Entry(Book.MEMBER, absorbed, -net), new Entry(Book.MEMBER, survivor, net)));
        recordPoints(id, net);
        return claimed;
    }

    /** What is left of the restored account's lots goes back to it; points spent meanwhile stay spent. */
    Optional<UUID> unmerge(UUID survivor, UUID restored, String reference, Instant at) {
        lockBoth(survivor, restored);
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        Optional<UUID> claimed = store.claim(id, Posting.of(restored, MovementKind.UNMERGED, reference, at), 0, now);
        if (claimed.isEmpty()) {
            return claimed;
        }
        long back = store.returnOpenLots(survivor, restored);
        store.mergedInto(restored, null);
        store.entries(id, List.of(new Entry(Book.MEMBER, survivor, -back), new Entry(Book.MEMBER, restored, back)));
        recordPoints(id, back);
        return claimed;
    }

    private void lockBoth(UUID one, UUID other) {
        if (one.compareTo(other) < 0) {
            store.lock(one);
            store.lock(other);
        } else {
            store.lock(other);
            store.lock(one);
        }
    }

    private Optional<UUID> credit(Posting posting, long points, Book from, Instant expiresAt) {
        long owed = store.lock(posting.accountId());
        Optional<UUID> claimed = store.claim(Ids.newId(clock), posting, points, clock.instant());
        claimed.ifPresent(id -> {
            store.entries(id, List.of(new Entry(Book.MEMBER, posting.accountId(), points),
                    new Entry(from, null, -points)));
            long paidBack = Math.min(owed, points);
            if (paidBack > 0) {
                store.owed(posting.accountId(), owed - paidBack);
            }
            if (points - paidBack > 0) {
                store.addLot(Ids.newId(clock), posting.accountId(), id, points - paidBack, expiresAt);
            }
        });
        return claimed;
    }

    private Optional<UUID> debit(Posting posting, long points, Book to, boolean mayOwe) {
        long owed = store.lock(posting.accountId());
        Optional<UUID> claimed = store.claim(Ids.newId(clock), posting, -points, clock.instant());
        claimed.ifPresent(id -> {
            store.entries(id, List.of(new Entry(Book.MEMBER, posting.accountId(), -points),
                    new Entry(to, null, points)));
            long shortfall = takeNearestExpiry(id, posting.accountId(), points);
            if (shortfall > 0) {
                if (!mayOwe) {
                    throw new IllegalStateException("A checked debit found too few points");
                }
                store.owed(posting.accountId(), owed + shortfall);
            }
        });
        return claimed;
    }

    /** Takes points from the lots nearest their expiry; answers what the lots could not give. */
    private long takeNearestExpiry(@Nullable UUID movementId, UUID accountId, long points) {
        List<UUID> lots = new ArrayList<>();
        List<Long> taken = new ArrayList<>();
        long left = points;
        for (OpenLot lot : store.openLotsForUpdate(accountId)) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            lots.add(lot.id());
            taken.add(take);
            left -= take;
        }
        store.take(movementId, lots, taken);
        return left;
    }

    /** Owed points against held points, after a merge brought both into one account; the balance is unchanged. */
    private void settleOwed(UUID accountId) {
        long owed = store.lock(accountId);
        if (owed > 0) {
            long left = takeNearestExpiry(null, accountId, owed);
            store.owed(accountId, left);
        }
    }

    private void recordPoints(UUID movementId, long points) {
        store.movementPoints(movementId, points);
    }
}
