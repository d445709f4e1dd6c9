package io.throughline.messaging;

/**
 * How long a text is as an SMS, and how many segments it is billed as. A text made only of GSM 03.38
 * characters is sent in GSM-7: 160 characters in one segment, 153 per segment once it is split, the
 * extension characters ({@code ^ { } \ [ ~ ] | €} and form feed) taking two. Any other character (an emoji,
 * Hungarian ő or ű) makes the whole text UCS-2: 70 UTF-16 units in one segment, 67 per segment once split.
 * A character is never split across two segments, so a split text may need more segments than the plain
 * division says.
 *
 * @param units    the length in the encoding's units (GSM-7 septets or UTF-16 code units)
 * @param segments how many SMS it takes; 0 for an empty text
 */
public record SmsLength(Encoding encoding, int units, int segments) {

    /** The alphabet a text is sent in. */
    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        private final int single;
        private final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }

        public int single() {
            return single;
        }

        public int perPart() {
            return perPart;
        }
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    public static SmsLength of(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
        int[] widths = gsm
                ? text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray()
                : text.codePoints().map(Character::charCount).toArray();
        int units = java.util.Arrays.stream(widths).sum();
        if (units == 0) {
            return new SmsLength(encoding, 0, 0);
        }
        if (units <= encoding.single()) {
            return new SmsLength(encoding, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int width : widths) {
            if (used + width > encoding.perPart()) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SmsLength(encoding, units, segments);
    }
}
