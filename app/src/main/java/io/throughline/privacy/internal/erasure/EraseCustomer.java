package io.throughline.privacy.internal.erasure;

import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import io.throughline.privacy.CustomerErased;
import io.throughline.privacy.ErasureAction;
import io.throughline.privacy.ErasureReceipt;
import io.throughline.privacy.ErasureReceipt.TableErasure;
import io.throughline.privacy.internal.InstallationSecrets;
import io.throughline.privacy.internal.JdbcSuppressions;
import io.throughline.privacy.internal.JdbcSuppressions.Suppressed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erases a person in one transaction, table by table as the registry's plan says: her rows deleted, anonymised, or
 * counted where they are kept. Her identifiers go on the suppression list, the signed receipt is stored, and
 * {@link CustomerErased} is published for the caches of every module.
 */
@Component
class EraseCustomer {

    private final JdbcClient jdbc;
    private final RegistryPlan plan;
    private final PersonFinder finder;
    private final JdbcSuppressions suppressions;
    private final InstallationSecrets secrets;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    EraseCustomer(JdbcClient jdbc, RegistryPlan plan, PersonFinder finder, JdbcSuppressions suppressions,
            InstallationSecrets secrets, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.finder = finder;
        this.suppressions = suppressions;
        this.secrets = secrets;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    ErasureReceipt erase(UUID profileId, String requestReference) {
        Person person = finder.find(profileId, true).orElseGet(() -> alreadyErased(profileId));
        List<TableErasure> tables = new ArrayList<>();
        for (RegistryPlan.Step step : plan.steps()) {
            PersonSql.Bound bound = PersonSql.bind(step.erase(), person);
            long rows = step.table().erasure() == ErasureAction.KEEP
                    ? jdbc.sql(bound.sql()).params(bound.params()).query(Long.class).single()
                    : jdbc.sql(bound.sql()).params(bound.params()).update();
            tables.add(new TableErasure(step.table().table(), step.table().erasure(), rows));
        }
        UUID erasureId = Ids.newId(clock);
        suppressions.suppress(person.identifiers().stream()
                .map(identifier -> new Suppressed(identifier.type(), identifier.value())).distinct().toList(), erasureId);
        // Microseconds: what PostgreSQL keeps, so a receipt read back verifies.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ErasureReceipt receipt = new ErasureReceipt(profileId, person.profileIds(), requestReference, now, tables, "")
                .signedWith(secrets.receiptKey());
        jdbc.sql("""
                INSERT INTO privacy.erasure_receipt
                    (id, profile_id, erased_profile_ids, request_reference, erased_at, tables, signature)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(erasureId, profileId, person.ids(), requestReference, Rows.timestamp(now),
                        json.writeValueAsString(tables), receipt.signature())
                .update();
        events.publishEvent(new CustomerErased(profileId, person.profileIds(), now));
        return receipt;
    }

    /** A profile erased before is a person with nothing left; one never seen is not found. */
    private Person alreadyErased(UUID profileId) {
        Boolean erased = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM privacy.erasure_receipt
                               WHERE profile_id = ? OR ? = ANY(erased_profile_ids))""")
                .params(profileId, profileId).query(Boolean.class).single();
        if (!erased) {
            throw new NotFoundException("customer", profileId);
        }
        return new Person(profileId, List.of(profileId), List.of());
    }
}
