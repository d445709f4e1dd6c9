package io.throughline.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof of one erasure: whom (the profile asked for and every profile id of the same person), when, for which
 * request, and per table what was done to how many rows. Signed with HMAC-SHA256 under the installation's
 * receipt key ({@code throughline.privacy.receipt-key}); {@link PersonalData#verify} checks it, and so does
 * {@link #verify(byte[])} for whoever holds the key. The receipt holds no personal data, so it may be kept
 * and shown after the person is gone.
 */
public record ErasureReceipt(
        UUID profileId,
        List<UUID> erasedProfileIds,
        String requestReference,
        Instant erasedAt,
        List<TableErasure> tables,
        String signature) {

    /** One table: {@code schema.table}, what erasure did to its rows, and how many rows it touched. */
    public record TableErasure(String table, ErasureAction action, long rows) {}

    public ErasureReceipt {
        erasedProfileIds = List.copyOf(erasedProfileIds);
        tables = List.copyOf(tables);
    }

    /** Total rows deleted or anonymised. */
    public long rowsTouched() {
        return tables.stream().filter(t -> t.action() != ErasureAction.KEEP).mapToLong(TableErasure::rows).sum();
    }

    /**
     * The exact text the signature covers: one line per field, tables in the receipt's order. Kept stable so
     * that a receipt verified years later still verifies.
     */
    public String signedContent() {
        StringBuilder text = new StringBuilder("throughline-erasure-receipt/1\n");
        text.append("profile=").append(profileId).append('\n');
        for (UUID id : erasedProfileIds) {
            text.append("erased-profile=").append(id).append('\n');
        }
        text.append("request=").append(requestReference.replace('\n', ' ')).append('\n');
        text.append("at=").append(erasedAt).append('\n');
        for (TableErasure table : tables) {
            text.append("table=").append(table.table()).append(' ').append(table.action()).append(' ')
                    .append(table.rows()).append('\n');
        }
        return text.toString();
    }

    /** The HMAC-SHA256 of {@link #signedContent()} under this key, in lower-case hex. */
    public String signatureUnder(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedContent().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A copy of this receipt signed with the key. */
    public ErasureReceipt signedWith(byte[] key) {
        ErasureReceipt unsigned = new ErasureReceipt(profileId, erasedProfileIds, requestReference, erasedAt, tables, "");
        return new ErasureReceipt(profileId, erasedProfileIds, requestReference, erasedAt, tables,
                unsigned.signatureUnder(key));
    }

    /** Whether the signature is this content's under the key (compared in constant time). */
    public boolean verify(byte[] key) {
        return MessageDigest.isEqual(signatureUnder(key).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
