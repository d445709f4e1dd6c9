package io.throughline.customers.internal;

import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfileCreated;
import io.throughline.customers.CustomerProfileUpdated;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCustomerProfiles implements CustomerProfiles {

    private static final String COLUMNS = "id, given_name, family_name, email, phone, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContactPolicy contacts;

    JdbcCustomerProfiles(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${throughline.customers.default-phone-region:HU}") String defaultPhoneRegion) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.contacts = new ContactPolicy(defaultPhoneRegion);
    }

    @Override
    @Transactional
    public CustomerProfile create(CustomerDetails details) {
        return importProfile(details, clock.instant());
    }

    @Override
    @Transactional
    public CustomerProfile importProfile(CustomerDetails details, Instant customerSince) {
        UUID id = Ids.newId(clock);
        Instant now = customerSince;
        try {
            jdbc.sql("INSERT INTO customers.profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, ContactPolicy.name(details.givenName()), ContactPolicy.name(details.familyName()),
                            contacts.email(details.email()), contacts.phone(details.phone()),
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw duplicateEmail();
        }
        events.publishEvent(new CustomerProfileCreated(id, now));
        return get(id);
    }

    @Override
    public CustomerProfile get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers.profile WHERE id = ?")
                .param(id).query(JdbcCustomerProfiles::profile).optional()
                .orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Override
    @Transactional
    public CustomerProfile update(UUID id, CustomerDetails details) {
        Instant now = clock.instant();
        int updated;
        try {
            updated = jdbc.sql("""
                    UPDATE customers.profile
                    SET given_name = ?, family_name = ?, email = ?, phone = ?, updated_at = ?
                    WHERE id = ?""")
                    .params(ContactPolicy.name(details.givenName()), ContactPolicy.name(details.familyName()),
                            contacts.email(details.email()), contacts.phone(details.phone()), Timestamp.from(now), id)
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw duplicateEmail();
        }
        if (updated == 0) {
            throw new NotFoundException("Customer", id);
        }
        events.publishEvent(new CustomerProfileUpdated(id, now));
        return get(id);
    }

    @Override
    public Optional<CustomerProfile> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers.profile WHERE email = ?")
                .param(contacts.email(email)).query(JdbcCustomerProfiles::profile).optional();
    }

    @Override
    public Page<CustomerProfile> search(String query, PageRequest pageRequest) {
        String pattern = pattern(query);
        if (pattern == null) {
            List<CustomerProfile> items = jdbc.sql("SELECT " + COLUMNS
                            + " FROM customers.profile ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                    .params(pageRequest.size(), pageRequest.offset()).query(JdbcCustomerProfiles::profile).list();
            return new Page<>(items, pageRequest.page(), pageRequest.size(), count());
        }
        String where = " FROM customers.profile WHERE search_text LIKE '%' || customers.folded(?) || '%' ESCAPE '\\'";
        long total = jdbc.sql("SELECT count(*)" + where).param(pattern).query(Long.class).single();
        List<CustomerProfile> items = jdbc.sql("SELECT " + COLUMNS + where
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pattern, pageRequest.size(), pageRequest.offset())
                .query(JdbcCustomerProfiles::profile).list();
        return new Page<>(items, pageRequest.page(), pageRequest.size(), total);
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM customers.profile").query(Long.class).single();
    }

    @Override
    public List<MonthlyCount> createdPerMonth(int months, ZoneId zone) {
        YearMonth current = YearMonth.now(clock.withZone(zone));
        YearMonth first = current.minusMonths(months - 1L);
        Map<YearMonth, Long> counts = new HashMap<>();
        jdbc.sql("""
                SELECT to_char(created_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*) AS profiles
                FROM customers.profile WHERE created_at >= ? GROUP BY 1""")
                .params(zone.getId(), Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
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

    private static ConflictException duplicateEmail() {
        return new ConflictException("email", "Another customer already has this email");
    }

    private static CustomerProfile profile(ResultSet rs, int row) throws SQLException {
        return new CustomerProfile(rs.getObject("id", UUID.class), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("email"), rs.getString("phone"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
