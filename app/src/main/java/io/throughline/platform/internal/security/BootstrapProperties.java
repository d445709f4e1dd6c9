package io.throughline.platform.internal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created at the first start (when no staff account exists yet). Set from the
 * environment as {@code THROUGHLINE_ADMIN_EMAIL}, {@code THROUGHLINE_ADMIN_PASSWORD} and
 * {@code THROUGHLINE_BOOTSTRAP_API_TOKEN}.
 *
 * @param adminEmail        the administrator's sign-in email
 * @param adminPassword     when absent, a password is generated and printed once
 * @param bootstrapApiToken when present, becomes an API token of the administrator, for scripts and CI
 */
@ConfigurationProperties("throughline")
record BootstrapProperties(
        @DefaultValue("admin@throughline.local") String adminEmail,
        @Nullable String adminPassword,
        @Nullable String bootstrapApiToken) {

    @Override
    public String toString() {
        return "BootstrapProperties[adminEmail=" + adminEmail + "]";
    }
}
