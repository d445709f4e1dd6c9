package io.throughline.demo.internal;

import java.time.Clock;
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

    private final DemoBrandLoader loader;
    private final DemoHistory history;
    private final DemoPrices prices;
    private final DemoCatalogue catalogue;
    private final DemoProperties properties;
    private final Environment environment;
    private final DemoStock stock;

    private final Clock clock;

    DemoBrandStartup(DemoBrandLoader loader, DemoHistory history, DemoCatalogue catalogue, DemoPrices prices,
            DemoProperties properties, Environment environment, Clock clock, DemoStock stock) {
        this.catalogue = catalogue;
        this.prices = prices;
        this.clock = clock;
        this.stock = stock;
        this.loader = loader;
        this.history = history;
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
        var outcome = loader.load();
        catalogue.load();
        prices.load();
        if (outcome.loaded() && properties.history()) {
            history.write(outcome.createdCustomers(), clock.instant());
        }
        stock.load();
        if (outcome.staffPassword() != null) {
            log.warn("""

                    ************************************************************
                      Demo brand {} loaded. Its staff sign in with this password:
                        {}
                      e.g. agent@tokaj-cellars.example (AGENT),
                      marketing@tokaj-cellars.example (MARKETER),
                      budapest@tokaj-cellars.example (STORE_ASSOCIATE).
                      This password is shown only now.
                    ************************************************************""",
                    outcome.brand(), outcome.staffPassword());
        }
    }
}
