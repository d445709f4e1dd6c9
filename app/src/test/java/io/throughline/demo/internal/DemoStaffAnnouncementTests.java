package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first start names every demo staff account with its role, not just a few examples. */
class DemoStaffAnnouncementTests {

    @Test
    void theFirstStartListsEverySevenDemoStaffAccountsWithTheirRoles() {
        String announcement = DemoBrandStartup.announcement("Tokaj Cellars", "the-password");

        assertThat(announcement).contains("the-password", "This password is shown only now.");
        assertThat(DemoBrandLoader.STAFF).hasSize(7);
        for (DemoBrandLoader.DemoStaff member : DemoBrandLoader.STAFF) {
            assertThat(announcement).containsPattern(java.util.regex.Pattern.quote(member.email()) + " +"
                    + member.role().name() + " ");
        }
        assertThat(announcement).contains("analyst@tokaj-cellars.example", "ANALYST",
                "admin@tokaj-cellars.example", "ADMIN", "debrecen@tokaj-cellars.example", "STORE_ASSOCIATE");
    }
}
