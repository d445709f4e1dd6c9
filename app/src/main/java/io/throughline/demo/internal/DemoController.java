package io.throughline.demo.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/demo")
@Tag(name = "Demo brand")
class DemoController {

    private final DemoBrandLoader loader;
    private final DemoPrices prices;
    private final DemoHistory history;
    private final DemoProperties properties;
    private final Clock clock;

    DemoController(DemoBrandLoader loader, DemoPrices prices, DemoHistory history, DemoProperties properties,
            Clock clock) {
        this.loader = loader;
        this.prices = prices;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/load")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Load the Tokaj Cellars demo brand; does nothing when it is already loaded")
    DemoBrandLoader.Outcome load() {
        var outcome = loader.load();
        prices.load();
        if (outcome.loaded() && properties.history()) {
            history.write(outcome.createdCustomers(), clock.instant());
        }
        return outcome;
    }
}
