package io.throughline.customers.internal;

import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerFilter;
import io.throughline.customers.CustomerOverview;
import io.throughline.customers.ContactOrigin;
import io.throughline.customers.ContactProvenance;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.ConflictException;
import io.throughline.privacy.Consents;
import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.Keyset;
import io.throughline.platform.KeysetQuery;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCustomerProfiles implements CustomerProfiles {

    private static final String COLUMNS = "id, given_name, family_name, email, phone, created_at, updated_at, "
            + "email_origin, email_verified, phone_origin, phone_verified";
    private static final String QUALIFIED = Arrays.stream(COLUMNS.split(", ")).map(column -> "p." + column)
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContactPolicy contacts;

    private final IdentityGraph identities;
    private final Consents consents;
    private final CustomerOverviewQuery overviews;

    JdbcCustomerProfiles(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ContactPolicy contacts,
            IdentityGraph identities, Consents consents, CustomerOverviewQuery overviews) {
        this.consents = consents;
        this.overviews = overviews;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.contacts = contacts;
        this.identities = identities;
    }

    @Override
    @Transactional
    public CustomerProfile create(CustomerDetails details) {
        return insert(details, clock.instant(), ContactOrigin.STAFF);
    }

    @Override
    @Transactional
    public CustomerProfile importProfile(CustomerDetails details, Instant customerSince) {
        return insert(details, customerSince, ContactOrigin.IMPORT);
    }

    private CustomerProfile insert(CustomerDetails details, Instant now, ContactOrigin origin) {
        UUID id = Ids.newId(clock);
        String email = contacts.email(details.email());
        String phone = contacts.phone(details.phone());
        jdbc.sql("INSERT INTO customers.profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, TRUE)")
                .params(id, ContactPolicy.name(details.givenName()), ContactPolicy.name(details.familyName()),
                        email, phone, Rows.timestamp(now), Rows.timestamp(now),
                        email == null ? null : origin.name(), phone == null ? null : origin.name())
                .update();
        claimContactIdentities(id, details, now);
        events.publishEvent(new CustomerProfileCreated(id, now));
        return get(id);
    }

    @Override
    public CustomerProfile get(UUID id) {
        // Most ids asked for are live profiles': one look-up by key, without the chain.
        Optional<CustomerProfile> live = jdbc.sql("SELECT " + COLUMNS
                        + " FROM customers.profile WHERE id = ? AND merged_into IS NULL")
                .param(id).query(JdbcCustomerProfiles::profile).optional();
        if (live.isPresent()) {
            return live.get();
        }
        // A merged profile's id leads to the profile it lives on as, through any chain of merges.
        return jdbc.sql("""
                WITH RECURSIVE chain(id, merged_into, depth) AS (
                    SELECT id, merged_into, 0 FROM customers.profile WHERE id = ?
                    UNION ALL
                    SELECT p.id, p.merged_into, c.depth + 1 FROM customers.profile p
                    JOIN chain c ON p.id = c.merged_into WHERE c.depth < 100)
                SELECT %s FROM customers.profile
                WHERE id = (SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1)""".formatted(COLUMNS))
                .param(id).query(JdbcCustomerProfiles::profile).optional()
                .orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Override
    public Optional<CustomerProfile> findByIdentity(String type, String value) {
        var identifier = identities.policy().normalise(new io.throughline.events.Identifier(type, value));
        if (identifier == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT profile_id FROM customers.identity WHERE type = ? AND value = ?")
                .params(identifier.type(), identifier.value()).query(UUID.class).optional().map(this::get);
    }

    @Override
    public Optional<UUID> profileIdByIdentity(String type, String value) {
        var identifier = identities.policy().normalise(new io.throughline.events.Identifier(type, value));
        if (identifier == null) {
            return Optional.empty();
        }
        UUID remembered = identities.remembered(identifier);
        return remembered != null ? Optional.of(remembered) : findByIdentity(type, value).map(CustomerProfile::id);
    }

    @Override
    public CustomerOverview overview(UUID id) {
        Optional<CustomerOverviewQuery.Found> read = overviews.find(id);
        if (read.isEmpty()) {
            // A merged profile's id (or an unknown one, which get refuses): the profile it lives on as.
            read = overviews.find(get(id).id());
        }
        CustomerOverviewQuery.Found found = read.orElseThrow(() -> new NotFoundException("Customer", id));
        UUID live = found.profile().id();
        return new CustomerOverview(found.profile(), found.identities(), found.traits(), found.channels(),
                consents.of(live), found.merges());
    }

    @Override
    public List<CustomerOverview.Trait> traits(UUID liveProfileId) {
        return jdbc.sql("""
                SELECT name, value::text, observed_at FROM customers.trait WHERE profile_id = ? ORDER BY name""")
                .param(liveProfileId)
                .query((rs, row) -> new CustomerOverview.Trait(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).list();
    }

    @Override
    @Transactional
    public CustomerProfile update(UUID requestedId, CustomerDetails details) {
        // A merged profile's id stands for the profile it lives on as; that is the one to change.
        UUID id = get(requestedId).id();
        Instant now = clock.instant();
        String email = contacts.email(details.email());
        String phone = contacts.phone(details.phone());
        int updated = jdbc.sql("""
                UPDATE customers.profile
                SET given_name = ?, family_name = ?, updated_at = ?,
                    email_origin = CASE WHEN email IS NOT DISTINCT FROM ?::text THEN email_origin ELSE 'STAFF' END,
                    email_verified = email_verified OR email IS DISTINCT FROM ?::text, email = ?,
                    phone_origin = CASE WHEN phone IS NOT DISTINCT FROM ?::text THEN phone_origin ELSE 'STAFF' END,
                    phone_verified = phone_verified OR phone IS DISTINCT FROM ?::text, phone = ?
                WHERE id = ?""")
                .params(ContactPolicy.name(details.givenName()), ContactPolicy.name(details.familyName()),
                        Rows.timestamp(now), email, email, email, phone, phone, phone, id)
                .update();
        if (updated == 0) {
            throw new NotFoundException("Customer", id);
        }
        claimContactIdentities(id, details, now);
        events.publishEvent(new CustomerProfileUpdated(id, now));
        return get(id);
    }

    @Override
    public Optional<CustomerProfile> findByEmail(String email) {
        return findByIdentity("email", email);
    }

    @Override
    public Page<CustomerProfile> list(CustomerFilter filter, PageRequest pageRequest) {
        Where where = where(filter);
        return new PagedQuery(QUALIFIED, where.from(), "p.created_at DESC, p.id DESC", where.params())
                .read(jdbc, pageRequest, JdbcCustomerProfiles::profile);
    }

    @Override
    public Keyset.Slice<CustomerProfile> listAfter(CustomerFilter filter, Keyset.@Nullable Cursor after, int size) {
        Where where = where(filter);
        return new KeysetQuery(QUALIFIED, where.from(), "p.created_at", "p.id", where.params())
                .read(jdbc, after, size, JdbcCustomerProfiles::profile,
                        profile -> new Keyset.Cursor(profile.createdAt(), profile.id()));
    }

    /** The {@code FROM … WHERE} of a filtered list, and its parameters. */
    private record Where(String from, List<Object> params) {}

    private Where where(CustomerFilter filter) {
        StringBuilder where = new StringBuilder("FROM customers.profile p WHERE p.merged_into IS NULL");
        List<Object> params = new ArrayList<>();
        if (filter.knownOnly()) {
            // Spelled as the partial index's predicate, so that the planner can use it.
            where.append(" AND (p.given_name IS NOT NULL OR p.family_name IS NOT NULL OR p.email IS NOT NULL"
                    + " OR p.phone IS NOT NULL)");
        }
        String pattern = pattern(filter.query());
        if (pattern != null) {
            where.append(" AND p.search_text LIKE '%' || customers.folded(?) || '%' ESCAPE '\\'");
            params.add(pattern);
        }
        if (filter.channel() != null || filter.seenSince() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM customers.channel_activity a WHERE a.profile_id = p.id");
            if (filter.channel() != null) {
                where.append(" AND a.channel = ?");
                params.add(filter.channel());
            }
            if (filter.seenSince() != null) {
                where.append(" AND a.last_seen_at >= ?");
                params.add(Rows.timestamp(filter.seenSince()));
            }
            where.append(")");
        }
        return new Where(where.toString(), params);
    }

    @Override
    public Map<UUID, List<CustomerOverview.ChannelActivity>> activity(Collection<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<CustomerOverview.ChannelActivity>> activity = new HashMap<>();
        jdbc.sql("""
                SELECT profile_id, channel, first_seen_at, last_seen_at, events FROM customers.channel_activity
                WHERE profile_id = ANY (?) ORDER BY profile_id, last_seen_at DESC, channel""")
                .param(profileIds.toArray(UUID[]::new))
                .query(rs -> {
                    activity.computeIfAbsent(Rows.uuid(rs, "profile_id"), id -> new ArrayList<>())
                            .add(new CustomerOverview.ChannelActivity(rs.getString("channel"),
                                    Rows.instant(rs, "first_seen_at"), Rows.instant(rs, "last_seen_at"),
                                    rs.getLong("events")));
                });
        return activity;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM customers.profile WHERE merged_into IS NULL").query(Long.class).single();
    }

    @Override
    public List<MonthlyCount> createdPerMonth(int months, ZoneId zone) {
        YearMonth current = YearMonth.now(clock.withZone(zone));
        YearMonth first = current.minusMonths(months - 1L);
        Map<YearMonth, Long> counts = new HashMap<>();
        jdbc.sql("""
                SELECT to_char(created_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*) AS profiles
                FROM customers.profile WHERE created_at >= ? AND merged_into IS NULL GROUP BY 1""")
                .params(zone.getId(), Rows.timestamp(first.atDay(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    counts.put(YearMonth.parse(rs.getString("month")), rs.getLong("profiles"));
                });
        return Stream.iterate(first, month -> !month.isAfter(current), month -> month.plusMonths(1))
                .map(month -> new MonthlyCount(month, counts.getOrDefault(month, 0L)))
                .toList();
    }

    /** The substring to look for, with LIKE's wildcards escaped; phone-like queries reduced to digits. */
    private @Nullable String pattern(String query) {
        String trimmed = query.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String phoneDigits = contacts.phoneDigits(trimmed);
        String text = phoneDigits != null ? phoneDigits : trimmed;
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The email and phone staff state become identifiers, so events that carry them find this customer. */
    private void claimContactIdentities(UUID id, CustomerDetails details, Instant at) {
        List<io.throughline.events.Identifier> stated = new java.util.ArrayList<>();
        if (details.email() != null && !details.email().isBlank()) {
            stated.add(new io.throughline.events.Identifier("email", details.email()));
        }
        if (details.phone() != null && !details.phone().isBlank()) {
            stated.add(new io.throughline.events.Identifier("phone", details.phone()));
        }
        identities.claim(id, stated, at).ifPresent(type -> {
            throw new ConflictException(type, "Another customer already has this " + type);
        });
    }

    private static CustomerProfile profile(ResultSet rs, int row) throws SQLException {
        return new CustomerProfile(Rows.uuid(rs, "id"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("email"), rs.getString("phone"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), provenance(rs, "email"),
                provenance(rs, "phone"));
    }

    /** The {@code <contact>_origin} and {@code <contact>_verified} columns of the row. */
    static ContactProvenance provenance(ResultSet rs, String contact) throws SQLException {
        return new ContactProvenance(Rows.enumOrNull(rs, contact + "_origin", ContactOrigin.class),
                rs.getBoolean(contact + "_verified"));
    }
}
