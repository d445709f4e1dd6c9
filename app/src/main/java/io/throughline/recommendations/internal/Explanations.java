package io.throughline.recommendations.internal;

import io.throughline.recommendations.Recommendation.Reason;
import java.time.ZoneOffset;
import java.util.function.Function;

/** The reasons in English words, for the API and message templates; the console words them in its own bundles. */
final class Explanations {

    private Explanations() {}

    /** @param placeOf a channel key's name for people, e.g. "Debrecen shop" */
    static String of(Reason reason, Function<String, String> placeOf) {
        String where = reason.channel() == null ? null : placeOf.apply(reason.channel());
        return switch (reason.kind()) {
            case BOUGHT_TOGETHER -> "Often bought together with " + reason.name();
            case VIEWED_TOGETHER -> "Often viewed together with " + reason.name();
            case BOUGHT_BY_SIMILAR -> "Bought together with " + reason.name() + ", which you bought"
                    + (where == null ? "" : " at " + where);
            case BUY_AGAIN -> "You bought this" + (where == null ? "" : " at " + where)
                    + (reason.at() == null ? "" : " on " + reason.at().atOffset(ZoneOffset.UTC).toLocalDate())
                    + ", and it is bought again and again";
            case POPULAR -> "Popular" + (where == null ? "" : " at " + where)
                    + (reason.region() == null ? "" : " in " + reason.region());
            case TRENDING -> "Selling more than usual" + (where == null ? "" : " at " + where);
        };
    }
}
