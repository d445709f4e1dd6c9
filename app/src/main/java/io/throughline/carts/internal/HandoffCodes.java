package io.throughline.carts.internal;

import io.throughline.platform.InvalidRequestException;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Handoff codes: seven characters from an alphabet without look-alikes (no 0/O, 1/I/L), so an associate can
 * type one read off a phone; 31^7 ≈ 27 billion codes keep guessing a live one hopeless. Input is forgiving:
 * case, spaces and dashes are ignored.
 */
final class HandoffCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 7;

    private HandoffCodes() {}

    static String generate(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    static String normalise(String input) {
        String code = input.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new InvalidRequestException("code", "must be " + LENGTH + " characters from " + ALPHABET);
        }
        return code;
    }
}
