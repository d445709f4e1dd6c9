package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.messaging.SmsLength.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentCountingTests {

    @Test
    void plainGsmTextFitsOneSegmentUpTo160Characters() {
        assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength(Encoding.GSM_7, 160, 1));
        assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength(Encoding.GSM_7, 161, 2));
        assertThat(SmsLength.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsLength.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void gsmAccentsSuchAsÉÖÜStayInGsm7() {
        SmsLength length = SmsLength.of("Kedves Éva, öt üveg vörös");

        assertThat(length.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(length.units()).isEqualTo(25);
    }

    @Test
    void extensionCharactersCountDouble() {
        assertThat(SmsLength.of("Ár: 5€ [akció]")).satisfies(length -> {
            assertThat(length.encoding()).isEqualTo(Encoding.UCS_2); // Á is not in GSM-7
        });
        SmsLength euro = SmsLength.of("Price: 5€ {sale}");
        assertThat(euro.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(euro.units()).isEqualTo(16 + 3);
        assertThat(SmsLength.of("€".repeat(80))).isEqualTo(new SmsLength(Encoding.GSM_7, 160, 1));
        assertThat(SmsLength.of("€".repeat(81))).isEqualTo(new SmsLength(Encoding.GSM_7, 162, 2));
    }

    @Test
    void anExtensionCharacterIsNotSplitAcrossSegments() {
        // 152 plain characters then '€': the escape and the euro sign would straddle the boundary at 153.
        SmsLength length = SmsLength.of("a".repeat(152) + "€" + "a".repeat(152));

        assertThat(length.units()).isEqualTo(306);
        assertThat(length.segments()).isEqualTo(3);
    }

    @Test
    void hungarianŐAndŰAreNotInGsm7AndMakeTheWholeTextUcs2() {
        SmsLength length = SmsLength.of("Győri bor, hűtve");

        assertThat(length.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(length.units()).isEqualTo(16);
        assertThat(SmsLength.of("ő".repeat(70))).isEqualTo(new SmsLength(Encoding.UCS_2, 70, 1));
        assertThat(SmsLength.of("ű".repeat(71))).isEqualTo(new SmsLength(Encoding.UCS_2, 71, 2));
        assertThat(SmsLength.of("ű".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void anEmojiTakesTwoUcs2UnitsAndIsNotSplit() {
        assertThat(SmsLength.of("Cheers 🍷")).isEqualTo(new SmsLength(Encoding.UCS_2, 9, 1));
        assertThat(SmsLength.of("🍷".repeat(35))).isEqualTo(new SmsLength(Encoding.UCS_2, 70, 1));
        // 66 units then an emoji: it cannot start at unit 67 of the first part.
        SmsLength split = SmsLength.of("a".repeat(66) + "🍷" + "a".repeat(10));
        assertThat(split.units()).isEqualTo(78);
        assertThat(split.segments()).isEqualTo(2);
        assertThat(SmsLength.of("a".repeat(66) + "🍷" + "a".repeat(66)).segments()).isEqualTo(3);
    }

    @Test
    void anEmptyTextIsNoSegment() {
        assertThat(SmsLength.of("")).isEqualTo(new SmsLength(Encoding.GSM_7, 0, 0));
    }
}
