package io.throughline.loyalty;

import io.throughline.platform.Keyset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules and the console read of a customer's points. */
public interface Loyalty {

    /** Her points, owed points and open lots; empty when she has never had an account. */
    Optional<MemberPoints> member(UUID profileId);

    /** Her movements, newest first, a slice at a time. */
    Keyset.Slice<StatementLine> statement(UUID profileId, Keyset.@Nullable Cursor after, int size);

    /** The programme, when the brand runs one. */
    Optional<Programme> programme();
}
