package io.throughline.demo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo brand at start-up when asked to, or by default when the platform runs on its embedded
 * database: that is someone trying Throughline, who should find a brand to look at. A production database
 * never gets demo data unless it is asked for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(DemoProperties.class)
class DemoBrandStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBrandStartup.class);

    private final DemoBrandSetup setup;
    private final DemoProperties properties;
    private final Environment environment;

    DemoBrandStartup(DemoBrandSetup setup, DemoProperties properties, Environment environment) {
        this.setup = setup;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        boolean embeddedDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
        boolean load = properties.loadOnStart() != null ? properties.loadOnStart() : embeddedDatabase;
        if (!load) {
            return;
        }
        var outcome = setup.load();
        if (outcome.staffPassword() != null) {
            log.warn(announcement(outcome.brand(), outcome.staffPassword()));
        }
    }

    /** Every demo staff account with its role, so whoever tries the brand can sign in as each of them. */
    static String announcement(String brand, String password) {
        StringBuilder text = new StringBuilder("\n\n" + "*".repeat(64) + "\n")
                .append("  Demo brand ").append(brand).append(" loaded. Its staff sign in with this password:\n")
                .append("    ").append(password).append("\n\n");
        int email = DemoBrandLoader.STAFF.stream().mapToInt(member -> member.email().length()).max().orElse(0);
        int role = DemoBrandLoader.STAFF.stream().mapToInt(member -> member.role().name().length()).max().orElse(0);
        for (DemoBrandLoader.DemoStaff member : DemoBrandLoader.STAFF) {
            text.append("    ").append(member.email()).append(" ".repeat(email - member.email().length() + 2))
                    .append(member.role().name()).append(" ".repeat(role - member.role().name().length() + 2))
                    .append(member.name()).append("\n");
        }
        return text.append("\n  This password is shown only now.\n").append("*".repeat(64)).toString();
    }
}
