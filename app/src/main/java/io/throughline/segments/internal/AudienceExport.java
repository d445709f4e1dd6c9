package io.throughline.segments.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.NotFoundException;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A segment as an audience for an advertising platform: only members who consented to marketing, with their
 * email address and phone number, as SHA-256 of the normalised value (lower-case email, E.164 phone) when the
 * receiver asks for hashed identifiers, as advertising platforms match them.
 */
@Component
class AudienceExport {

    /** The CSV and whom it names, for the access log. */
    record Audience(String csv, List<UUID> profileIds) {}

    private final SegmentStore segments;
    private final JdbcClient jdbc;
    private final CustomerProfiles customers;
    private final Consents consents;

    AudienceExport(SegmentStore segments, JdbcClient jdbc, CustomerProfiles customers, Consents consents) {
        this.segments = segments;
        this.jdbc = jdbc;
        this.customers = customers;
        this.consents = consents;
    }

    @Transactional(readOnly = true)
    Audience export(String key, boolean hashed) {
        SegmentStore.Saved segment = segments.find(key).orElseThrow(() -> new NotFoundException("segment", key));
        List<UUID> members = jdbc.sql("SELECT profile_id FROM segments.membership WHERE segment_id = ? ORDER BY profile_id")
                .param(segment.id()).query(UUID.class).list();
        StringWriter out = new StringWriter();
        List<UUID> named = new ArrayList<>();
        String[] header = hashed ? new String[] {"email_sha256", "phone_sha256"} : new String[] {"email", "phone"};
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (UUID member : members) {
                if (!marketingConsented(member)) {
                    continue;
                }
                CustomerProfile profile;
                try {
                    profile = customers.get(member);
                } catch (NotFoundException erased) {
                    continue;
                }
                if (profile.email() == null && profile.phone() == null) {
                    continue;
                }
                csv.printRecord(value(profile.email(), hashed), value(profile.phone(), hashed));
                named.add(member);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return new Audience(out.toString(), named);
    }

    private boolean marketingConsented(UUID profileId) {
        return consents.of(profileId).stream()
                .anyMatch(consent -> consent.purpose() == Consent.Purpose.MARKETING && consent.granted());
    }

    private static String value(@Nullable String identifier, boolean hashed) {
        if (identifier == null) {
            return "";
        }
        return hashed ? sha256(identifier) : identifier;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
