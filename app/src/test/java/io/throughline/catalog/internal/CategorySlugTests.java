package io.throughline.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategorySlugTests {

    @Test
    void hungarianNamesBecomeAsciiSlugs() {
        assertThat(Slugs.of("Hárslevelű")).isEqualTo("harslevelu");
        assertThat(Slugs.of("Tokaji Aszú")).isEqualTo("tokaji-aszu");
        assertThat(Slugs.of("  Prices & promotions! ")).isEqualTo("prices-promotions");
    }

    @Test
    void aPathOfNamesBecomesAPathOfSlugs() {
        assertThat(Slugs.pathOf("Wines/Tokaji/Aszú")).isEqualTo("wines/tokaji/aszu");
        assertThat(Slugs.pathOf(" Wines / White /Sárgamuskotály")).isEqualTo("wines/white/sargamuskotaly");
    }
}
