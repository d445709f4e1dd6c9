package io.throughline.customers;

import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Creating, reading and finding customer profiles. */
public interface CustomerProfiles {

    CustomerProfile create(CustomerDetails details);

    /**
     * Brings in a customer known from before, e.g. from a legacy system or the demo brand, keeping the date
     * the brand first knew her.
     */
    CustomerProfile importProfile(CustomerDetails details, Instant customerSince);

    /** The profile; for a profile merged into another, the one it lives on as. */
    CustomerProfile get(UUID id);

    /** Replaces the profile's details with the given ones. */
    CustomerProfile update(UUID id, CustomerDetails details);

    Optional<CustomerProfile> findByEmail(String email);

    /**
     * The live profile that holds an identifier, e.g. {@code ("email", "ann@example.com")} or
     * {@code ("anonymous_id", "…")}; the value is normalised as at ingest.
     */
    Optional<CustomerProfile> findByIdentity(String type, String value);

    /**
     * The id of the live profile {@link #findByIdentity} finds, without reading the profile: from the identity
     * graph's memory when it holds the identifier, so that a read answered from memory needs no statement for it.
     */
    Optional<UUID> profileIdByIdentity(String type, String value);

    /** The profile with its identifiers, traits, channels and merges. */
    CustomerOverview overview(UUID id);

    /**
     * The traits of a live profile (an id as {@link #get} answers it), by name: one read, for callers that
     * need them and not the whole overview, such as a message's template.
     */
    List<CustomerOverview.Trait> traits(UUID liveProfileId);

    /**
     * Profiles matching a free-text query on name, email or phone number, ignoring case and accents, newest
     * first; all profiles when the query is blank.
     */
    default Page<CustomerProfile> search(String query, PageRequest pageRequest) {
        return list(CustomerFilter.text(query), pageRequest);
    }

    /** Live profiles that pass the filter, newest first, with their number. */
    Page<CustomerProfile> list(CustomerFilter filter, PageRequest pageRequest);

    /**
     * Live profiles that pass the filter, newest first, {@code size} of them from just after the cursor (from
     * the newest without one). Unlike {@link #list}, a slice costs the same deep in the list as at its start
     * and counts nothing, so it is the way through every profile of a large brand.
     */
    Keyset.Slice<CustomerProfile> listAfter(CustomerFilter filter, Keyset.@Nullable Cursor after, int size);

    /**
     * The channels each profile was active in, most recent first, for a page of a list: one read for the page.
     * Profiles without activity are left out.
     */
    Map<UUID, List<CustomerOverview.ChannelActivity>> activity(Collection<UUID> profileIds);

    long count();

    /** How many profiles were created in each of the last {@code months} calendar months, oldest first. */
    List<MonthlyCount> createdPerMonth(int months, ZoneId zone);

    /** One month's number of new profiles. */
    record MonthlyCount(YearMonth month, long profiles) {}
}
