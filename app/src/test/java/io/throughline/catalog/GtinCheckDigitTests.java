package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

class GtinCheckDigitTests {

    @Test
    void barcodesWithTheirRightCheckDigitAreAccepted() {
        assertThat(new Gtin("4006381333931").value()).isEqualTo("4006381333931"); // EAN-13
        assertThat(new Gtin("73513537").value()).isEqualTo("73513537"); // EAN-8
        assertThat(new Gtin("036000291452").value()).isEqualTo("036000291452"); // UPC-A
        assertThat(new Gtin("10614141000415").value()).isEqualTo("10614141000415"); // GTIN-14
        assertThat(new Gtin("400 6381-333931").value()).isEqualTo("4006381333931");
    }

    @Test
    void aMistypedDigitIsCaughtByTheCheckDigit() {
        assertThatThrownBy(() -> new Gtin("4006381333932"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("check digit (expected 1)");
        assertThat(Gtin.problemWith("4006381333913")).contains("check digit");
    }

    @Test
    void wrongLengthsAndLettersAreRefused() {
        assertThat(Gtin.problemWith("12345")).isEqualTo("must be 8, 12, 13 or 14 digits");
        assertThat(Gtin.problemWith("40063813339X1")).isEqualTo("must be 8, 12, 13 or 14 digits");
        assertThat(Gtin.problemWith("40063813339311")).contains("check digit");
    }
}
