package io.throughline.console.internal;

import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The rows of a form of rows (the loyalty programme's rates, tiers and rewards) as typed: each field of a row is a
 * repeated parameter ({@code tier.name}, {@code tier.threshold}…) in row order, so a refused form comes back
 * exactly as it was typed. Amounts are typed in a currency's major units and kept in minor units.
 */
final class TypedRows {

    private TypedRows() {}

    static List<Map<String, String>> of(MultiValueMap<String, String> form, String prefix, List<String> fields) {
        int count = fields.stream().mapToInt(field -> {
            List<String> values = form.get(prefix + field);
            return values == null ? 0 : values.size();
        }).max().orElse(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 200); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : fields) {
                List<String> values = form.get(prefix + field);
                String value = values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
                row.put(field, value.strip());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The indexes of the rows with something typed in them besides their id and choices. */
    static List<Integer> kept(List<Map<String, String>> rows) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            boolean typed = row.entrySet().stream().anyMatch(entry -> !entry.getKey().equals("id")
                    && !entry.getKey().equals("active") && !entry.getKey().equals("channel")
                    && !entry.getKey().equals("couponBatchId") && !entry.getValue().isEmpty());
            if (typed) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** The module's field of its n-th kept row ({@code tiers[1].threshold}) as the form's ({@code tier[3].threshold}). */
    static String rowField(String field, String listName, String formName, List<Integer> kept) {
        var matcher = java.util.regex.Pattern.compile("^" + listName + "\\[(\\d+)]\\.(\\w+)$").matcher(field);
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            int row = index < kept.size() ? kept.get(index) : index;
            return formName + "[" + row + "]." + matcher.group(2);
        }
        return field;
    }

    static List<Map<String, String>> withBlank(List<Map<String, String>> rows, List<String> fields, int blanks) {
        List<Map<String, String>> all = new ArrayList<>(rows);
        for (int i = 0; i < blanks; i++) {
            Map<String, String> blank = new LinkedHashMap<>();
            fields.forEach(field -> blank.put(field, ""));
            all.add(blank);
        }
        return all;
    }

    static @Nullable Integer integer(@Nullable String typed) {
        Long value = longValue(typed);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    static @Nullable Long longValue(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.strip().replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static boolean knownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** An amount typed in major units ("100", "12.50", "12,50") in minor units of the currency. */
    static @Nullable Long minor(@Nullable String typed, String currency) {
        if (typed == null || typed.isBlank() || !knownCurrency(currency)) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(typed.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
            int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            return amount.movePointRight(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            return null;
        }
    }

    static String major(long minor, String currency) {
        int digits = knownCurrency(currency) ? Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())
                : 2;
        return BigDecimal.valueOf(minor).movePointLeft(digits).stripTrailingZeros().toPlainString();
    }

    static @Nullable UUID idOr(@Nullable String typed, @Nullable UUID otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException notAnId) {
            return otherwise;
        }
    }

    static Map<String, String> rate(EarnRules.Rate rate) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("channel", rate.channel() == null ? "" : rate.channel());
        row.put("currency", rate.currency());
        row.put("spend", major(rate.spendMinor(), rate.currency()));
        row.put("points", String.valueOf(rate.points()));
        row.put("minSpend", major(rate.minSpendMinor(), rate.currency()));
        return row;
    }

    static Map<String, String> tier(Tier tier, TierRules rules) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", tier.id().toString());
        row.put("name", tier.name());
        row.put("threshold", rules.basis() == TierRules.Basis.SPEND && rules.currency() != null
                ? major(tier.threshold(), rules.currency()) : String.valueOf(tier.threshold()));
        row.put("earnPercent", String.valueOf(tier.earnPercent()));
        row.put("birthdayPoints", String.valueOf(tier.birthdayPoints()));
        return row;
    }

    static Map<String, String> reward(Reward reward) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", reward.id().toString());
        row.put("name", reward.name());
        row.put("points", String.valueOf(reward.points()));
        row.put("couponBatchId", reward.couponBatchId().toString());
        row.put("active", String.valueOf(reward.active()));
        return row;
    }
}
