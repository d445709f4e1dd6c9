package io.throughline.demo.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.demo.DemoBrand;
import io.throughline.demo.DemoBrandLoaded;
import io.throughline.platform.NewStaffAccount;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffRole;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts the Tokaj Cellars brand in place once: its staff, one per role and shop, and its customers. */
@Service
class DemoBrandLoader {

    /** What a load did: nothing, when the brand was already there. */
    record Outcome(boolean loaded, String brand, int staffAccounts, int customers, @Nullable String staffPassword) {}

    private record DemoStaff(String email, String name, StaffRole role) {}

    private static final Logger log = LoggerFactory.getLogger(DemoBrandLoader.class);

    private static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("marketing@tokaj-cellars.example", "Kata Marketing", StaffRole.MARKETER),
            new DemoStaff("agent@tokaj-cellars.example", "Ádám Contact Centre", StaffRole.AGENT),
            new DemoStaff("budapest@tokaj-cellars.example", "Budapest Shop", StaffRole.STORE_ASSOCIATE),
            new DemoStaff("debrecen@tokaj-cellars.example", "Debrecen Shop", StaffRole.STORE_ASSOCIATE),
            new DemoStaff("tokaj@tokaj-cellars.example", "Tokaj Shop", StaffRole.STORE_ASSOCIATE),
            new DemoStaff("analyst@tokaj-cellars.example", "Lili Analyst", StaffRole.ANALYST),
            new DemoStaff("admin@tokaj-cellars.example", "Tokaj Cellars Admin", StaffRole.ADMIN));

    private final JdbcClient jdbc;
    private final StaffAccounts staffAccounts;
    private final CustomerProfiles customers;
    private final ApplicationEventPublisher events;
    private final DemoProperties properties;
    private final Clock clock;

    DemoBrandLoader(JdbcClient jdbc, StaffAccounts staffAccounts, CustomerProfiles customers,
            ApplicationEventPublisher events, DemoProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.staffAccounts = staffAccounts;
        this.customers = customers;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Outcome load() {
        DemoBrand brand = DemoBrand.TOKAJ_CELLARS;
        // The lock makes two nodes starting at once load the brand once between them.
        jdbc.sql("LOCK TABLE demo.load IN EXCLUSIVE MODE").update();
        Optional<Integer> loadedBefore = jdbc.sql("SELECT customers FROM demo.load WHERE brand = ?")
                .param(brand.name()).query(Integer.class).optional();
        if (loadedBefore.isPresent()) {
            return new Outcome(false, brand.name(), 0, 0, null);
        }
        boolean generated = properties.staffPassword() == null || properties.staffPassword().isBlank();
        String password = generated ? generatedPassword() : properties.staffPassword();
        int staff = 0;
        for (DemoStaff member : STAFF) {
            if (staffAccounts.findByEmail(member.email()).isEmpty()) {
                staffAccounts.create(new NewStaffAccount(member.email(), member.name(), member.role(), password));
                staff++;
            }
        }
        Instant now = clock.instant();
        var generatedCustomers = new DemoCustomerGenerator().generate(properties.customers(), now);
        int created = 0;
        for (var customer : generatedCustomers) {
            if (customer.details().email() == null
                    || customers.findByEmail(customer.details().email()).isEmpty()) {
                customers.importProfile(customer.details(), customer.customerSince());
                created++;
            }
        }
        jdbc.sql("INSERT INTO demo.load (brand, loaded_at, customers) VALUES (?, ?, ?)")
                .params(brand.name(), Timestamp.from(now), created).update();
        events.publishEvent(new DemoBrandLoaded(brand.name(), staff, created, now));
        log.info("Demo brand {} loaded: {} staff accounts, {} customers", brand.name(), staff, created);
        return new Outcome(true, brand.name(), staff, created, generated ? password : null);
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "tokaj-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
