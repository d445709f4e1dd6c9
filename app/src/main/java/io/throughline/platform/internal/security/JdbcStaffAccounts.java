package io.throughline.platform.internal.security;

import io.throughline.platform.ApiTokenSummary;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.IssuedApiToken;
import io.throughline.platform.NewStaffAccount;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffAssignment;
import io.throughline.platform.StaffRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcStaffAccounts implements StaffAccounts, UserDetailsService {

    private static final String COLUMNS = "id, email, display_name, role, enabled, shop_id, time_zone, created_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Cache<String, Optional<StaffUser>> tokens = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(10)).build();

    /**
     * The role each signed-in member of staff may act in now; empty once her account is disabled. Console sessions
     * ask per request, so answers live a second in memory, and changing an account forgets them at once.
     */
    private final Cache<UUID, Optional<StaffRole>> standing = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(1)).build();

    JdbcStaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StaffAccount create(NewStaffAccount account) {
        requireAcceptable("password", account.password(), account.email());
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        try {
            jdbc.sql("""
                    INSERT INTO platform.staff_account
                        (id, email, display_name, role, password_hash, enabled, shop_id, time_zone, created_at,
                         updated_at)
                    VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?)""")
                    .params(id, normalise(account.email()), account.displayName().strip(), account.role().name(),
                            passwordEncoder.encode(account.password()), account.shopId(), zoneId(account.timeZone()),
                            Rows.timestamp(now), Rows.timestamp(now))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("email", "A staff account with this email already exists");
        }
        return get(id);
    }

    @Override
    public Optional<StaffAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM platform.staff_account WHERE lower(email) = ?")
                .param(normalise(email)).query(JdbcStaffAccounts::account).optional();
    }

    @Override
    public StaffAccount get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM platform.staff_account WHERE id = ?")
                .param(id).query(JdbcStaffAccounts::account).optional()
                .orElseThrow(() -> new NotFoundException("Staff account", id));
    }

    @Override
    public Page<StaffAccount> list(PageRequest pageRequest) {
        // Emails are unique ignoring case, so the order is total.
        return new PagedQuery(COLUMNS, "FROM platform.staff_account", "lower(email)")
                .read(jdbc, pageRequest, JdbcStaffAccounts::account);
    }

    @Override
    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM platform.staff_account)").query(Boolean.class).single();
    }

    @Override
    @Transactional
    public StaffAccount update(UUID id, @Nullable String displayName, @Nullable StaffRole role,
            @Nullable Boolean enabled, @Nullable String password) {
        StaffAccount current = lock(id);
        requireAnAdministratorLeft(current, role == null ? current.role() : role,
                enabled == null ? current.enabled() : enabled);
        if (password != null) {
            requireAcceptable("password", password, current.email());
        }
        jdbc.sql("""
                UPDATE platform.staff_account
                SET display_name = ?, role = ?, enabled = ?,
                    password_hash = coalesce(?, password_hash), updated_at = ?
                WHERE id = ?""")
                .params(displayName == null ? current.displayName() : displayName.strip(),
                        (role == null ? current.role() : role).name(),
                        enabled == null ? current.enabled() : enabled,
                        password == null ? null : passwordEncoder.encode(password),
                        Rows.timestamp(clock.instant()), id)
                .update();
        tokens.invalidateAll();
        standing.invalidate(id);
        return get(id);
    }

    @Override
    @Transactional
    public StaffAccount assign(UUID id, StaffAssignment assignment) {
        StaffAccount current = lock(id);
        requireAnAdministratorLeft(current, assignment.role(), current.enabled());
        jdbc.sql("""
                UPDATE platform.staff_account
                SET display_name = ?, role = ?, shop_id = ?, time_zone = ?, updated_at = ?
                WHERE id = ?""")
                .params(assignment.displayName().strip(), assignment.role().name(), assignment.shopId(),
                        zoneId(assignment.timeZone()), Rows.timestamp(clock.instant()), id)
                .update();
        tokens.invalidateAll();
        return get(id);
    }

    /** Reads the account and holds it, so that two changes to administrators cannot pass each other's check. */
    private StaffAccount lock(UUID id) {
        // Administrators are few; locking them all serialises the changes that could remove the last one.
        jdbc.sql("SELECT id FROM platform.staff_account WHERE role = 'ADMIN' OR id = ? FOR UPDATE").param(id)
                .query(UUID.class).list();
        return get(id);
    }

    private void requireAnAdministratorLeft(StaffAccount current, StaffRole role, boolean enabled) {
        boolean wasActiveAdmin = current.role() == StaffRole.ADMIN && current.enabled();
        if (!wasActiveAdmin || (role == StaffRole.ADMIN && enabled)) {
            return;
        }
        long others = jdbc.sql("""
                SELECT count(*) FROM platform.staff_account WHERE role = 'ADMIN' AND enabled AND id <> ?""")
                .param(current.id()).query(Long.class).single();
        if (others == 0) {
            throw new ConflictException(role != StaffRole.ADMIN ? "role" : "enabled",
                    "This is the only enabled administrator; make another administrator first");
        }
    }

    @Override
    @Transactional
    public void changeOwnPassword(UUID staffId, String currentPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM platform.staff_account WHERE id = ? FOR UPDATE")
                .param(staffId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Staff account", staffId));
        if (!passwordEncoder.matches(currentPassword, hash)) {
            throw new InvalidRequestException("currentPassword", "is not your current password");
        }
        requireAcceptable("newPassword", newPassword, get(staffId).email());
        jdbc.sql("UPDATE platform.staff_account SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordEncoder.encode(newPassword), Rows.timestamp(clock.instant()), staffId).update();
    }

    @Override
    public IssuedApiToken issueToken(UUID staffId, String name) {
        if (name.isBlank() || name.length() > 100) {
            throw new InvalidRequestException("name", "must be 1 to 100 characters");
        }
        return importToken(staffId, name, ApiTokenSecrets.newSecret());
    }

    @Override
    @Transactional
    public IssuedApiToken importToken(UUID staffId, String name, String secret) {
        get(staffId);
        if (secret.length() < ApiTokenSecrets.MIN_LENGTH || secret.length() > ApiTokenSecrets.MAX_LENGTH
                || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidRequestException("token", "must be " + ApiTokenSecrets.MIN_LENGTH + " to "
                    + ApiTokenSecrets.MAX_LENGTH + " characters without spaces");
        }
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO platform.api_token (id, staff_id, name, token_digest, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id, staffId, name.strip(), ApiTokenSecrets.digest(secret), Rows.timestamp(now))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("token", "This token already exists");
        }
        return new IssuedApiToken(id, staffId, name.strip(), secret, now);
    }

    @Override
    public List<ApiTokenSummary> tokens(UUID staffId) {
        get(staffId);
        return jdbc.sql("""
                SELECT id, staff_id, name, created_at, last_used_at, revoked_at FROM platform.api_token
                WHERE staff_id = ? ORDER BY created_at""")
                .param(staffId)
                .query((rs, row) -> new ApiTokenSummary(Rows.uuid(rs, "id"), Rows.uuid(rs, "staff_id"),
                        rs.getString("name"), Rows.instant(rs, "created_at"), Rows.instantOrNull(rs, "last_used_at"),
                        Rows.instantOrNull(rs, "revoked_at")))
                .list();
    }

    @Override
    public void revokeToken(UUID staffId, UUID tokenId) {
        int revoked = jdbc.sql("""
                UPDATE platform.api_token SET revoked_at = coalesce(revoked_at, ?)
                WHERE id = ? AND staff_id = ?""")
                .params(Rows.timestamp(clock.instant()), tokenId, staffId).update();
        if (revoked == 0) {
            throw new NotFoundException("API token", tokenId);
        }
        tokens.invalidateAll();
    }

    /** The role the member of staff holds now, if her account is enabled. */
    Optional<StaffRole> currentRole(UUID staffId) {
        return standing.get(staffId, id -> jdbc.sql(
                        "SELECT role FROM platform.staff_account WHERE id = ? AND enabled")
                .param(id).query(String.class).optional().map(StaffRole::valueOf));
    }

    /** For the console's sign-in form. */
    @Override
    public StaffUser loadUserByUsername(String email) {
        return jdbc.sql("""
                SELECT id, email, role, password_hash, enabled FROM platform.staff_account WHERE lower(email) = ?""")
                .param(normalise(email))
                .query((rs, row) -> new StaffUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("password_hash"), StaffRole.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such staff account"));
    }

    /**
     * For API calls: the staff member a live token belongs to, if any. Answers come from memory for a few
     * seconds, so that a busy integration does not read the token table per call; revoking a token or
     * changing an account clears them at once (on other nodes they live out their seconds).
     */
    Optional<StaffUser> authenticateToken(String secret) {
        return tokens.get(ApiTokenSecrets.digest(secret), this::lookUpToken);
    }

    private Optional<StaffUser> lookUpToken(String digest) {
        Optional<StaffUser> user = jdbc.sql("""
                SELECT s.id, s.email, s.role FROM platform.api_token t
                JOIN platform.staff_account s ON s.id = t.staff_id
                WHERE t.token_digest = ? AND t.revoked_at IS NULL AND s.enabled""")
                .param(digest)
                .query((rs, row) -> new StaffUser(rs.getObject("id", UUID.class), rs.getString("email"), "",
                        StaffRole.valueOf(rs.getString("role")), true))
                .optional();
        // Use is noted when the token is looked up, so at most once per cache lifetime.
        user.ifPresent(found -> jdbc.sql("UPDATE platform.api_token SET last_used_at = ? WHERE token_digest = ?")
                .params(Timestamp.from(clock.instant()), digest).update());
        return user;
    }

    private static final PasswordPolicy PASSWORDS = PasswordPolicy.standard();

    private static void requireAcceptable(String field, String password, String email) {
        PASSWORDS.refusal(password, email).ifPresent(reason -> {
            throw new InvalidRequestException(field, reason);
        });
    }

    private static StaffAccount account(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(Rows.uuid(rs, "id"), rs.getString("email"), rs.getString("display_name"),
                Rows.enumOf(rs, "role", StaffRole.class), rs.getBoolean("enabled"), Rows.uuidOrNull(rs, "shop_id"),
                zone(rs.getString("time_zone")), Rows.instant(rs, "created_at"));
    }

    private static @Nullable String zoneId(@Nullable ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    private static @Nullable ZoneId zone(@Nullable String id) {
        return id == null ? null : ZoneId.of(id);
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
