package io.throughline.platform.internal.security;

import io.throughline.platform.NewStaffAccount;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffRole;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator when the platform starts with no staff at all, so that a fresh install
 * can be signed in to. It runs before anything else that needs staff (the demo brand, for one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(BootstrapProperties.class)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final JdbcStaffAccounts staffAccounts;
    private final BootstrapProperties properties;
    private final JdbcClient jdbc;

    FirstAdministrator(JdbcStaffAccounts staffAccounts, BootstrapProperties properties, JdbcClient jdbc) {
        this.staffAccounts = staffAccounts;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        // Two nodes starting on an empty database at once create one administrator between them.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('throughline.first-administrator'))").query().singleRow();
        if (!staffAccounts.isEmpty()) {
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? generatedPassword() : properties.adminPassword();
        refuseUnusable(password, properties.bootstrapApiToken());
        StaffAccount admin = staffAccounts.create(
                new NewStaffAccount(properties.adminEmail(), "Administrator", StaffRole.ADMIN, password));
        if (properties.bootstrapApiToken() != null && !properties.bootstrapApiToken().isBlank()) {
            staffAccounts.importToken(admin.id(), "bootstrap", properties.bootstrapApiToken().strip());
            log.info("The bootstrap API token now belongs to {}", admin.email());
        }
        if (generated) {
            // Printed once, at the only moment it exists in clear; the database keeps just its hash.
            log.warn("""

                    ************************************************************
                      First administrator created. Sign in at /sign-in with
                        email:    {}
                        password: {}
                      This password is shown only now. Change it after signing in.
                    ************************************************************""",
                    admin.email(), password);
        }
    }

    /** Checked before anything is stored, so that a bad setting never leaves a half-made administrator. */
    private static void refuseUnusable(String password, @Nullable String bootstrapApiToken) {
        if (password.length() < 12 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalStateException("THROUGHLINE_ADMIN_PASSWORD must be 12 to 72 bytes long");
        }
        if (bootstrapApiToken != null && !bootstrapApiToken.isBlank() && (bootstrapApiToken.strip().length() < 24
                || bootstrapApiToken.strip().length() > 200 || bootstrapApiToken.strip().chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalStateException("THROUGHLINE_BOOTSTRAP_API_TOKEN must be 24 to 200 characters without spaces");
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
