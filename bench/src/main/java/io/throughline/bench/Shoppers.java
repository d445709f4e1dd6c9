package io.throughline.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A fixed population of shoppers, computed from their number rather than stored: everyone browses
 * anonymously on a device; 60 % have an account (user id and email); one in ten has a second device, so that
 * signing in there merges two anonymous profiles, as in the canonical scenario.
 */
record Shoppers(int size) {

    private static final List<String> GIVEN_NAMES = List.of("Eszter", "Bence", "Katalin", "Gábor", "Anna",
            "László", "Zsófia", "Péter", "Agnieszka", "Piotr", "Zuzana", "Martin", "Réka", "Tamás", "Judit", "Ádám");
    private static final List<String> FAMILY_NAMES = List.of("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga",
            "Kiss", "Molnár", "Nowak", "Wójcik", "Novák", "Baláž", "Farkas", "Papp", "Takács", "Juhász");

    /** One shopper; {@code secondAnonymousId}, {@code userId} and {@code email} are null when she has none. */
    record Shopper(int number, String anonymousId, String secondAnonymousId, String userId, String email) {

        boolean registered() {
            return userId != null;
        }

        String givenName() {
            return GIVEN_NAMES.get(number % GIVEN_NAMES.size());
        }

        String familyName() {
            return FAMILY_NAMES.get((number / GIVEN_NAMES.size()) % FAMILY_NAMES.size());
        }

        /** The device an event comes from: one of two at random for shoppers with two. */
        String device(SplittableRandom random) {
            return secondAnonymousId != null && random.nextBoolean() ? secondAnonymousId : anonymousId;
        }
    }

    Shoppers {
        if (size < 10) {
            throw new IllegalArgumentException("a population needs at least 10 shoppers, not " + size);
        }
    }

    Shopper get(int number) {
        boolean registered = number % 10 < 6;
        boolean twoDevices = number % 10 == 0;
        return new Shopper(number, "anon-%07d".formatted(number), twoDevices ? "anon2-%07d".formatted(number) : null,
                registered ? "u%07d".formatted(number) : null,
                registered ? "u%07d@example.com".formatted(number) : null);
    }

    Shopper any(SplittableRandom random) {
        return get(random.nextInt(size));
    }

    Shopper anyRegistered(SplittableRandom random) {
        // Six in ten qualify, so this takes fewer than two draws on average.
        while (true) {
            Shopper shopper = any(random);
            if (shopper.registered()) {
                return shopper;
            }
        }
    }

    /** A stable stand-in for the profile id the platform would give this shopper, for reference rows. */
    static UUID profileId(int number) {
        long high = mix(number * 2L + 1);
        long low = mix(number * 2L + 2);
        // Version 4 and IETF variant bits, so that it is a well-formed random-looking UUID.
        return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
