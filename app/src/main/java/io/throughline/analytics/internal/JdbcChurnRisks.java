package io.throughline.analytics.internal;

import io.throughline.analytics.ChurnRisks;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Churn risk in the brand's currency from the lifetime-value fit of the day. */
@Service
class JdbcChurnRisks implements ChurnRisks {

    private final LifetimeValues lifetimeValues;
    private final AnalyticsProperties properties;
    private final Clock clock;

    JdbcChurnRisks(LifetimeValues lifetimeValues, AnalyticsProperties properties, Clock clock) {
        this.lifetimeValues = lifetimeValues;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalDouble of(UUID profileId) {
        OptionalDouble alive = lifetimeValues.probabilityAlive(profileId, properties.currency(), clock.instant());
        return alive.isPresent() ? OptionalDouble.of(1 - alive.getAsDouble()) : OptionalDouble.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Double> of(Collection<UUID> profileIds) {
        Map<UUID, Double> risks = new LinkedHashMap<>();
        if (!profileIds.isEmpty()) {
            lifetimeValues.probabilitiesAlive(profileIds, properties.currency(), clock.instant())
                    .forEach((id, alive) -> risks.put(id, 1 - alive));
        }
        return risks;
    }
}
