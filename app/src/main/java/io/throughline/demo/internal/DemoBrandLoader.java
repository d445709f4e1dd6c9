package io.throughline.demo.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerProfiles;
import io.throughline.tracking.NewSource;
import io.throughline.tracking.SourceTrust;
import io.throughline.tracking.Sources;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import io.throughline.demo.DemoBrand;
import io.throughline.demo.DemoBrandLoaded;
import io.throughline.platform.NewStaffAccount;
import io.throughline.platform.Rows;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffAssignment;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.StaffRole;
import java.security.SecureRandom;
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
    record Outcome(boolean loaded, String brand, int staffAccounts, int customers, int sources,
            @Nullable String staffPassword, @JsonIgnore List<DemoCustomer> createdCustomers) {}

    /** A demo member of staff; associates work in one shop. */
    record DemoStaff(String email, String name, StaffRole role, @Nullable String shop) {

        DemoStaff(String email, String name, StaffRole role) {
            this(email, name, role, null);
        }
    }

    /** A demo customer as created, for writing her history. */
    record DemoCustomer(UUID profileId, CustomerDetails details, Instant customerSince) {}

    private static final Logger log = LoggerFactory.getLogger(DemoBrandLoader.class);

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("marketing@tokaj-cellars.example", "Kata Marketing", StaffRole.MARKETER),
            new DemoStaff("agent@tokaj-cellars.example", "Ádám Contact Centre", StaffRole.AGENT),
            new DemoStaff("budapest@tokaj-cellars.example", "Budapest Shop", StaffRole.STORE_ASSOCIATE, "shop-budapest"),
            new DemoStaff("debrecen@tokaj-cellars.example", "Debrecen Shop", StaffRole.STORE_ASSOCIATE, "shop-debrecen"),
            new DemoStaff("tokaj@tokaj-cellars.example", "Tokaj Shop", StaffRole.STORE_ASSOCIATE, "shop-tokaj"),
            new DemoStaff("analyst@tokaj-cellars.example", "Lili Analyst", StaffRole.ANALYST),
            new DemoStaff("admin@tokaj-cellars.example", "Tokaj Cellars Admin", StaffRole.ADMIN));

    private final JdbcClient jdbc;
    private final StaffAccounts staffAccounts;
    private final CustomerProfiles customers;
    private final ApplicationEventPublisher events;
    private final DemoProperties properties;
    private final Clock clock;
    private final Sources sources;
    private final StockLocations locations;
    private final @Nullable String bootstrapWriteKey;
    private final DemoLoyalty loyalty;

    DemoBrandLoader(JdbcClient jdbc, StaffAccounts staffAccounts, CustomerProfiles customers, Sources sources,
            StockLocations locations, ApplicationEventPublisher events, DemoProperties properties, Clock clock,
            @Value("${throughline.bootstrap-write-key:}") @Nullable String bootstrapWriteKey, DemoLoyalty loyalty) {
        this.loyalty = loyalty;
        this.jdbc = jdbc;
        this.locations = locations;
        this.staffAccounts = staffAccounts;
        this.customers = customers;
        this.sources = sources;
        this.bootstrapWriteKey = bootstrapWriteKey;
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
            return new Outcome(false, brand.name(), 0, 0, 0, null, List.of());
        }
        boolean generated = properties.staffPassword() == null || properties.staffPassword().isBlank();
        String password = generated ? generatedPassword() : properties.staffPassword();
        int staff = 0;
        for (DemoStaff member : STAFF) {
            if (staffAccounts.findByEmail(member.email()).isEmpty()) {
                staffAccounts.create(new NewStaffAccount(member.email(), member.name(), member.role(),
                        password));
                staff++;
            }
        }
        int sourceCount = 0;
        for (DemoBrand.Channel channel : brand.channels()) {
            if (sources.findByChannel(channel.key()).isEmpty()) {
                // The demo's channels are simulated from the platform's own process and its bootstrap key serves
                // scripts and CI, so they send as the brand's servers would; a brand's real web shop and app
                // sources are client-side (SourceTrust.usualFor).
                var source = sources.create(new NewSource(channel.name(), channel.key(), channel.type(), null,
                        SourceTrust.SERVER));
                sourceCount++;
                if (channel.key().equals("web") && bootstrapWriteKey != null && !bootstrapWriteKey.isBlank()) {
                    sources.importWriteKey(source.id(), bootstrapWriteKey.strip());
                } else {
                    sources.issueWriteKey(source.id());
                }
            }
        }
        // The cellar club comes before the customers' orders, which earn its points.
        loyalty.load();
        Instant now = clock.instant();
        var generatedCustomers = new DemoCustomerGenerator().generate(properties.customers(), now);
        List<DemoCustomer> created = new ArrayList<>();
        for (var customer : generatedCustomers) {
            if (customer.details().email() == null
                    || customers.findByEmail(customer.details().email()).isEmpty()) {
                var profile = customers.importProfile(customer.details(), customer.customerSince());
                created.add(new DemoCustomer(profile.id(), customer.details(), customer.customerSince()));
            }
        }
        jdbc.sql("INSERT INTO demo.load (brand, loaded_at, customers) VALUES (?, ?, ?)")
                .params(brand.name(), Rows.timestamp(now), created.size()).update();
        events.publishEvent(new DemoBrandLoaded(brand.name(), staff, created.size(), now));
        log.info("Demo brand {} loaded: {} staff accounts, {} sources, {} customers", brand.name(), staff,
                sourceCount, created.size());
        return new Outcome(true, brand.name(), staff, created.size(), sourceCount, generated ? password : null,
                created);
    }

    /**
     * Each shop's associate works in her shop, which exists only once the demo stock is in place; an account
     * already given a shop (by an administrator, say) keeps it.
     */
    @Transactional
    void placeShopStaff() {
        for (DemoStaff member : STAFF) {
            if (member.shop() == null) {
                continue;
            }
            Optional<StaffAccount> account = staffAccounts.findByEmail(member.email())
                    .filter(found -> found.shopId() == null);
            Optional<StockLocation> shop = locations.findByCode(member.shop());
            if (account.isPresent() && shop.isPresent()) {
                StaffAccount staff = account.get();
                staffAccounts.assign(staff.id(), new StaffAssignment(staff.displayName(), staff.role(),
                        shop.get().id(), staff.timeZone()));
            }
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "tokaj-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
