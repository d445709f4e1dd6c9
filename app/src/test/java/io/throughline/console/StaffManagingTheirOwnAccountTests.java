package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A new administrator, made without a bootstrap token, changes her generated password and gets her first API
 * token in the console, then revokes it.
 */
class StaffManagingTheirOwnAccountTests extends BrowserTest {

    @Test
    void staffChangeTheirPasswordAndManageTheirApiTokens() {
        String email = "own-account-" + System.nanoTime() + "@throughline.test";
        new Admin(port).api().post("/api/staff", Api.json(Map.of("email", email, "displayName", "Ilona",
                "role", "ADMIN", "password", "first-password-123")));
        console.signIn(email, "first-password-123");
        browser.findElement(By.linkText(email)).click();

        changePassword("not-my-password", "second-password-456");
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-error"),
                "not your current password"));
        changePassword("first-password-123", "second-password-456");
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "password is changed"));

        browser.findElement(By.id("token-name")).sendKeys("nightly export");
        browser.findElement(By.cssSelector("form[aria-label='Create an API token'] button")).click();
        String token = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")))
                .getDomProperty("value");
        Api asIlona = Api.at(port).withToken(token);
        assertThat(asIlona.get("/api/me").json().get("email").asString()).isEqualTo(email);

        browser.findElement(By.cssSelector("#tokens button")).click();
        console.waitFor().until(ExpectedConditions.alertIsPresent()).accept();
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "revoked"));
        assertThat(asIlona.get("/api/me").status()).isEqualTo(401);

        console.signIn(email, "second-password-456");
        assertThat(browser.getCurrentUrl()).doesNotContain("sign-in");
    }

    private void changePassword(String current, String replacement) {
        browser.findElement(By.id("current-password")).sendKeys(current);
        browser.findElement(By.id("new-password")).sendKeys(replacement);
        browser.findElement(By.cssSelector("form[action$='/account/password'] button")).click();
    }
}
