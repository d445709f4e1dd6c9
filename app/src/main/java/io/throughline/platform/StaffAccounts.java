package io.throughline.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Staff accounts and their API tokens. */
public interface StaffAccounts {

    StaffAccount create(NewStaffAccount account);

    Optional<StaffAccount> findByEmail(String email);

    StaffAccount get(UUID id);

    Page<StaffAccount> list(PageRequest pageRequest);

    boolean isEmpty();

    /**
     * Changes what is given and keeps the rest; returns the account as it is now.
     *
     * @throws ConflictException naming {@code enabled} or {@code role} when it would leave the brand without an
     *                           enabled administrator
     */
    StaffAccount update(UUID id, @Nullable String displayName, @Nullable StaffRole role, @Nullable Boolean enabled,
            @Nullable String password);

    /**
     * Sets an account's name, role, shop and time zone as given.
     *
     * @throws ConflictException naming {@code role} when it would leave the brand without an enabled administrator
     */
    StaffAccount assign(UUID id, StaffAssignment assignment);

    /**
     * A member of staff changes her own password; the current one must be right.
     *
     * @throws InvalidRequestException naming {@code currentPassword} or {@code newPassword}
     */
    void changeOwnPassword(UUID staffId, String currentPassword, String newPassword);

    IssuedApiToken issueToken(UUID staffId, String name);

    /** Stores a token whose secret was chosen outside (bootstrap for scripts and CI). */
    IssuedApiToken importToken(UUID staffId, String name, String secret);

    List<ApiTokenSummary> tokens(UUID staffId);

    void revokeToken(UUID staffId, UUID tokenId);
}
