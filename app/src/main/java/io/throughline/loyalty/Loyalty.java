package io.throughline.loyalty;

import io.throughline.platform.Keyset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules and the console read of a customer's points. */
public interface Loyalty {

    /** Her points, owed points and open lots; empty when she has never had an account. */
    Optional<MemberPoints> member(UUID profileId);

    /** Her movements, newest first, a slice at a time. */
    Keyset.Slice<StatementLine> statement(UUID profileId, Keyset.@Nullable Cursor after, int size);

    /**
     * Staff add (positive) or take (negative) points with a reason, once per reference; taking more than she holds
     * is a conflict on {@code points}, zero is refused.
     */
    MemberPoints adjust(UUID profileId, long points, String reason, UUID staffId, String reference);

    /** The programme, when the brand runs one. */
    Optional<Programme> programme();

    /** Her tier and what she has towards the next; empty when the programme has no tiers or she no account. */
    Optional<MemberTier> tier(UUID profileId);

    /** The rewards she may claim now. */
    List<Reward> activeRewards();

    /**
     * Exchanges her points for a reward's coupon, once per reference (a repeat answers the same code). Refused as
     * a conflict on {@code points} when she has too few, on {@code rewardId} when she already holds its unused
     * coupon or its batch has no codes left.
     */
    ClaimedReward claim(UUID profileId, UUID rewardId, String channel, String reference);
}
