package io.throughline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffRole;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.stream.Stream;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class DemoBrandTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    CustomerProfiles customers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tokajCellarsHasStaffInEveryRole() {
        Set<StaffRole> roles = staffAccounts.list(new PageRequest(0, 200)).items().stream()
                .filter(account -> account.email().endsWith("@tokaj-cellars.example"))
                .map(account -> account.role())
                .collect(Collectors.toSet());

        assertThat(roles).containsExactlyInAnyOrder(StaffRole.values());
    }

    @Test
    void tokajCellarsHasHungarianPolishAndSlovakCustomers() {
        // Demo customers became customers before the brand was loaded; the other tests' customers after.
        var demoCustomers = jdbc.sql("""
                SELECT email, phone FROM customers.profile
                WHERE created_at < (SELECT loaded_at FROM demo.load WHERE brand = 'Tokaj Cellars')""")
                .query((rs, row) -> new String[] {rs.getString("email"), rs.getString("phone")}).list();
        Set<String> dialCodes = demoCustomers.stream().filter(contact -> contact[1] != null)
                .map(contact -> Stream.of("+36", "+48", "+421").filter(contact[1]::startsWith).findFirst()
                        .orElse(contact[1]))
                .collect(Collectors.toSet());

        assertThat(demoCustomers).hasSize(300);
        assertThat(dialCodes).containsExactlyInAnyOrder("+36", "+48", "+421");
        assertThat(demoCustomers).allSatisfy(contact -> assertThat(contact[0] == null
                || contact[0].matches("[a-z0-9.]+@example\\.(com|net|org)")).as(contact[0]).isTrue());
    }

    @Test
    void loadingAgainChangesNothing() {
        long before = customers.count();

        var again = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN).post("/api/demo/load", "");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("loaded").asBoolean()).isFalse();
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminMayLoadTheDemo() {
        var signedInAsNobody = Api.at(port).post("/api/demo/load", "");

        assertThat(signedInAsNobody.status()).isEqualTo(401);
    }
}
