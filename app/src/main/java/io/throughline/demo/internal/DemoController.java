package io.throughline.demo.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/demo")
@Tag(name = "Demo brand")
class DemoController {

    private final DemoBrandSetup setup;

    DemoController(DemoBrandSetup setup) {
        this.setup = setup;
    }

    @PostMapping("/load")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Load the Tokaj Cellars demo brand; does nothing when it is already loaded")
    DemoBrandLoader.Outcome load() {
        return setup.load();
    }
}
