package io.throughline.privacy;

/**
 * The suppression list: identifiers of erased people, kept only as salted SHA-256 digests. Identity resolution asks
 * it before letting an identifier create or join a profile, so that no channel brings an erased person back.
 */
public interface Suppressions {

    /**
     * Whether this identifier, with its type and its value normalised as identity resolution stores it (emails
     * lower-cased, phones in E.164), belongs to an erased person whose suppression has not been lifted. Answered
     * from memory.
     */
    boolean isSuppressed(String type, String value);

    /**
     * She came back and consented (signed up again, asked to be contacted): her identifier may join a profile again.
     * The caller records her consent; this only removes the digest.
     *
     * @return whether the identifier was suppressed
     */
    boolean lift(String type, String value);
}
