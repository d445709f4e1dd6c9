package io.throughline.loyalty.internal;

import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.Tier;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' birthday gifts: on her birthday (a 29 February birthday on 28 February in other years) the programme's
 * birthday bonus plus her tier's gift, once a year. Runs every hour; the year in the bonus's reference makes a
 * second run that day give nothing.
 */
@Component
class BirthdayGifts {

    private static final int BATCH = 1_000;

    private final Bonuses bonuses;
    private final TierStore tiers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BirthdayGifts(Bonuses bonuses, TierStore tiers, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.bonuses = bonuses;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT4M")
    void hourly() {
        give(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Gives the day's gifts not given yet; answers how many members got one now. */
    long give(LocalDate day) {
        record Member(UUID accountId, UUID profileId, @Nullable UUID tierId) {}
        List<String> days = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()
                ? List.of("02-28", "02-29") : List.of(String.format("%02d-%02d", day.getMonthValue(),
                        day.getDayOfMonth()));
        Map<UUID, Tier> byId = tiers.rules().tiers().stream().collect(Collectors.toMap(Tier::id, Function.identity()));
        long given = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<Member> members = jdbc.sql("SELECT id, profile_id, tier_id FROM loyalty.account "
                    + "WHERE birthday = ANY(?::text[]) AND merged_into IS NULL AND id > ? ORDER BY id LIMIT ?")
                    .params(days.toArray(String[]::new), after, BATCH)
                    .query((rs, n) -> new Member(Rows.uuid(rs, "id"), Rows.uuid(rs, "profile_id"),
                            Rows.uuidOrNull(rs, "tier_id"))).list();
            Long now = transactions.execute(status -> {
                long count = 0;
                for (Member member : members) {
                    Tier tier = member.tierId() == null ? null : byId.get(member.tierId());
                    count += bonuses.grant(Bonus.Kind.BIRTHDAY, member.profileId(), String.valueOf(day.getYear()),
                            null, clock.instant(), tier == null ? 0 : tier.birthdayPoints()) > 0 ? 1 : 0;
                }
                return count;
            });
            given += now == null ? 0 : now;
            if (members.size() < BATCH) {
                return given;
            }
            after = members.getLast().accountId();
        }
    }
}
