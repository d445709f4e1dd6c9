package io.throughline.platform.internal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be, per NIST SP 800-63B: at least 12 characters, at most what bcrypt reads (72 bytes),
 * and not one that attackers try first — a commonly chosen password, one character repeated, or the account's own
 * email address. No rules about character classes: they make passwords harder to remember, not to guess.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list shipped in {@code platform/common-passwords.txt}. */
    static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/platform/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("platform/common-passwords.txt is missing from the classpath");
            }
            Set<String> common = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> common.add(line.toLowerCase(Locale.ROOT)));
            return new PasswordPolicy(common);
        } catch (IOException unreadable) {
            throw new IllegalStateException("platform/common-passwords.txt could not be read", unreadable);
        }
    }

    /** Why the password may not be used for the account, if it may not. */
    Optional<String> refusal(String password, String email) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("is one of the most common passwords; choose one nobody would guess");
        }
        if (folded.chars().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        String mail = email.strip().toLowerCase(Locale.ROOT);
        int at = mail.indexOf('@');
        if (folded.equals(mail) || (at > 0 && folded.equals(mail.substring(0, at)))) {
            return Optional.of("must not be the account's email address");
        }
        return Optional.empty();
    }
}
