package io.throughline.orders.internal;

import java.security.SecureRandom;

/** Short pickup codes a customer can read out: six characters without look-alikes (no 0/O, 1/I/L). */
final class PickupCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {}

    static String generate() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static boolean matches(String issued, String presented) {
        return presented != null && issued.equalsIgnoreCase(presented.strip().replace("-", "").replace(" ", ""));
    }
}
