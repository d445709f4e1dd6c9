package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.customers.CustomerProfiles;
import io.throughline.privacy.AccessAudit;
import io.throughline.support.BrowserTest;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin sees a wrong merge on Customer 360 and undoes it there; her reading of the page is audited. */
class AdminUndoingAMergeInConsoleTests extends BrowserTest {

    @Autowired
    CustomerProfiles customers;

    @Autowired
    AccessAudit audit;

    @Test
    void adminUnmergesFromTheMergeHistoryAndTheReadIsAudited() {
        String marker = Long.toString(System.nanoTime(), 36);
        var web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        web.send("track", "{\"anonymousId\":\"shared-" + marker + "\",\"event\":\"Product Viewed\"}");
        UUID older = await().atMost(Duration.ofSeconds(10)).until(() -> customers
                .findByIdentity("anonymous_id", "shared-" + marker).map(p -> p.id()).orElse(null), id -> id != null);
        web.send("track", "{\"userId\":\"member-" + marker + "\",\"event\":\"Signed In\"}");
        UUID merged = await().atMost(Duration.ofSeconds(10)).until(() -> customers
                .findByIdentity("user_id", "member-" + marker).map(p -> p.id()).orElse(null), id -> id != null);
        web.send("alias", "{\"previousId\":\"shared-" + marker + "\",\"userId\":\"member-" + marker + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> customers.get(merged).id().equals(older));

        console.signIn("admin@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/customers/" + older);
        console.driver().findElement(By.cssSelector("#merges button")).click();
        console.waitFor().until(ExpectedConditions.alertIsPresent()).accept();

        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("unmerged-note")));
        assertThat(console.driver().findElement(By.id("unmerged-note")).getText()).contains("Merge undone");
        assertThat(customers.get(merged).id()).isEqualTo(merged);
        assertThat(customers.findByIdentity("user_id", "member-" + marker).orElseThrow().id()).isEqualTo(merged);
        assertThat(console.driver().findElements(By.cssSelector("#merges button"))).isEmpty();
        assertThat(audit.forProfile(older, 10)).anySatisfy(access ->
                assertThat(access.action()).isEqualTo("console:customer-360"));
    }
}
