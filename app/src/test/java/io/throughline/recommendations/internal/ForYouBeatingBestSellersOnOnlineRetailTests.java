package io.throughline.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.throughline.support.OnlineRetail;
import io.throughline.recommendations.Recommendation.Reason;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The model against the Online Retail history (Daqing Chen, UCI Machine Learning Repository, CC BY 4.0), without
 * the platform around it: trained on all but the last four weeks, "for you" ranks ten products for every customer
 * who bought in those weeks, and must find what she bought then clearly better (NDCG at 10, half as good again)
 * than the best sellers do. {@code bench/run recommendations} measures the same through the import and the API.
 */
class ForYouBeatingBestSellersOnOnlineRetailTests {

    private static final Set<String> CHARGES = Set.of("POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE",
            "CRUK", "PADS", "B");

    @Test
    void forYouFindsNextMonthsPurchasesHalfAsWellAgainAsTheBestSellers() throws Exception {
        Path file = OnlineRetail.FILE;
        assumeTrue(OnlineRetail.present(), "The Online Retail data set is not at " + file.toAbsolutePath());
        List<Interaction> all = read(file);
        Instant last = all.stream().map(Interaction::at).max(Instant::compareTo).orElseThrow();
        Instant cutoff = last.minus(Duration.ofDays(28));
        List<Interaction> training = all.stream().filter(i -> i.at().isBefore(cutoff)).toList();
        Map<UUID, Set<String>> bought = new HashMap<>();
        all.stream().filter(i -> !i.at().isBefore(cutoff) && !i.basket().startsWith("guest"))
                .forEach(i -> bought.computeIfAbsent(i.profileId(), id -> new HashSet<>()).add(i.sku()));

        ModelSettings settings = ModelSettings.defaults();
        ItemModel model = new ModelBuilder(settings).build(training, cutoff, sku -> sku, cutoff);
        Recommender recommender = new Recommender(settings);
        List<Integer> popular = recommender.popular(model, "web", null).stream().limit(10)
                .map(Recommender.Candidate::item).toList();
        double personalNdcg = 0;
        double popularNdcg = 0;
        for (Map.Entry<UUID, Set<String>> customer : bought.entrySet()) {
            List<Recommender.Seen> history = history(model, customer.getKey());
            Set<Integer> excluded = recommender.justBought(model, history, cutoff);
            Set<Integer> ranked = new LinkedHashSet<>();
            for (Recommender.Candidate candidate : recommender.forYou(model, history, cutoff, 60)) {
                if (ranked.size() < 10 && !excluded.contains(candidate.item())) {
                    ranked.add(candidate.item());
                }
            }
            for (Recommender.Candidate candidate : recommender.popular(model, "web", null)) {
                if (ranked.size() < 10 && !excluded.contains(candidate.item())) {
                    ranked.add(candidate.item());
                }
            }
            personalNdcg += ndcg(model, new ArrayList<>(ranked), customer.getValue());
            popularNdcg += ndcg(model, popular, customer.getValue());
        }
        personalNdcg /= bought.size();
        popularNdcg /= bought.size();
        org.slf4j.LoggerFactory.getLogger(getClass()).info(String.format(java.util.Locale.ROOT,
                "online-retail in-process: customers=%d ndcg_at_10=%.4f popular_ndcg_at_10=%.4f ratio=%.2f",
                bought.size(), personalNdcg, popularNdcg, personalNdcg / popularNdcg));
        assertThat(bought).hasSizeGreaterThan(1_000);
        assertThat(personalNdcg / popularNdcg).isGreaterThanOrEqualTo(1.5);
        assertThat(recommender.forYou(model, history(model, bought.keySet().iterator().next()), cutoff, 10))
                .allSatisfy(candidate -> assertThat(candidate.reason().kind())
                        .isIn(Reason.Kind.BOUGHT_BY_SIMILAR, Reason.Kind.BUY_AGAIN));
    }

    private static List<Recommender.Seen> history(ItemModel model, UUID profile) {
        List<Recommender.Seen> seen = new ArrayList<>();
        ItemModel.History built = model.histories.get(profile);
        if (built != null) {
            for (int x = 0; x < built.size(); x++) {
                seen.add(new Recommender.Seen(built.items()[x], built.kinds()[x], built.atMillis()[x],
                        built.channels()[x]));
            }
        }
        return seen;
    }

    private static double ndcg(ItemModel model, List<Integer> ranked, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            if (relevant.contains(model.skus[ranked.get(i)])) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Sales of products at a price, as the import records them; a guest's order is a guest of its own. */
    private static List<Interaction> read(Path file) throws Exception {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        ZoneId london = ZoneId.of("Europe/London");
        List<Interaction> interactions = new ArrayList<>();
        long seq = 0;
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String invoice = row.get("InvoiceNo");
                String sku = row.get("StockCode").strip().toUpperCase(java.util.Locale.ROOT);
                int quantity = Integer.parseInt(row.get("Quantity"));
                if (invoice.startsWith("C") || CHARGES.contains(sku) || quantity <= 0
                        || Double.parseDouble(row.get("UnitPrice")) <= 0) {
                    continue;
                }
                String customer = row.get("CustomerID").replaceFirst("\\.0+$", "");
                boolean guest = customer.isBlank();
                UUID profile = UUID.nameUUIDFromBytes((guest ? "guest:" + invoice : customer)
                        .getBytes(StandardCharsets.UTF_8));
                interactions.add(new Interaction(++seq, profile, sku, row.get("Description"),
                        InteractionKind.PURCHASE, quantity, "web", row.get("Country"),
                        (guest ? "guest:" : "") + invoice,
                        LocalDateTime.parse(row.get("InvoiceDate"), format).atZone(london).toInstant()));
            }
        }
        return interactions;
    }
}
