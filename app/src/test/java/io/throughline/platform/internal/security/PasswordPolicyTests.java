package io.throughline.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy passwords = PasswordPolicy.standard();

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThat(passwords.refusal("Password1234", "eva@example.com"))
                .hasValue("is one of the most common passwords; choose one nobody would guess");
        assertThat(passwords.refusal("QWERTY123456", "eva@example.com")).isPresent();
        assertThat(passwords.refusal("123456789012", "eva@example.com")).isPresent();
    }

    @Test
    void oneCharacterRepeatedOrTheEmailItselfIsRefused() {
        assertThat(passwords.refusal("zzzzzzzzzzzzzz", "eva@example.com")).hasValue("must not be one character repeated");
        assertThat(passwords.refusal("eva.kovacs.example@example.com", "eva.kovacs.example@example.com"))
                .hasValue("must not be the account's email address");
    }

    @Test
    void lengthIsStillChecked() {
        assertThat(passwords.refusal("short", "eva@example.com")).hasValue("must be at least 12 characters");
        assertThat(passwords.refusal("é".repeat(40), "eva@example.com")).hasValue("must be at most 72 bytes (UTF-8)");
    }

    @Test
    void anUncommonLongPasswordIsAccepted() {
        assertThat(passwords.refusal("tokaji aszú under the oak", "eva@example.com")).isEmpty();
    }
}
