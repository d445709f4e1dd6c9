package io.throughline.imports.internal;

import io.throughline.imports.ImportLineError;
import io.throughline.imports.OrderImportMapping;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a line of the file means under a mapping, or every reason it cannot be taken, each naming its field. The
 * mapping has been checked against the header before (see {@link MappingCheck}), so every column it names exists.
 */
final class LineRules {

    /** A line read: the order line, or what is wrong with it. */
    sealed interface Outcome permits Taken, Refused {}

    record Taken(ImportedLine line) implements Outcome {}

    record Refused(List<ImportLineError> errors) implements Outcome {}

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A spreadsheet writes a numeric identifier as a float: 12345.0 is customer 12345. */
    private static final Pattern FLOAT_ID = Pattern.compile("(\\d+)\\.0+");

    /** How the reason of a value that could not be read at all starts, whatever the field. */
    private static final String UNREADABLE = "is not a ";
    private static final String UNDECODABLE = "is not valid ";

    private final OrderImportMapping mapping;
    private final Map<String, Integer> columns;
    private final int width;
    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final Set<String> charges;
    private final Instant now;
    private final Charset encoding;

    LineRules(OrderImportMapping mapping, List<String> header, Charset encoding, Instant now) {
        this.mapping = mapping;
        this.encoding = encoding;
        this.columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).replace("\uFEFF", "").strip(), i);
        }
        this.width = header.size();
        this.format = DateTimeFormatter.ofPattern(mapping.timeFormat(), Locale.ROOT);
        this.zone = ZoneId.of(mapping.timeZone());
        this.charges = mapping.chargesOrEmpty().stream().map(code -> code.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.now = now;
    }

    Outcome read(long line, List<String> fields) {
        List<ImportLineError> errors = new ArrayList<>();
        if (fields.size() != width) {
            return refused(line, "line", "has " + fields.size() + " fields where the header has " + width);
        }
        for (String field : fields) {
            if (field.indexOf('\uFFFD') >= 0) {
                return refused(line, "line", UNDECODABLE + encoding.name()
                        + ": name the file's encoding in mapping.encoding");
            }
        }
        OrderImportMapping.Columns c = mapping.columns();
        String number = value(fields, c.orderNumber());
        if (number == null) {
            errors.add(new ImportLineError(line, "orderNumber", "is empty"));
        }
        String prefix = mapping.cancellationPrefix();
        boolean marked = number != null && prefix != null && !prefix.isEmpty() && number.startsWith(prefix);
        Instant at = time(line, value(fields, c.time()), errors);
        String sku = value(fields, c.sku());
        boolean charge = sku != null && charges.contains(sku.toUpperCase(Locale.ROOT));
        if (sku == null) {
            errors.add(new ImportLineError(line, "sku", "is empty"));
        } else if (!charge && !SKU.matcher(sku).matches()) {
            errors.add(new ImportLineError(line, "sku", UNREADABLE + "product code (letters, digits, dots, dashes, "
                    + "underscores): list it in mapping.charges to record it as a charge"));
        }
        String description = c.description() == null ? null : value(fields, c.description());
        Integer quantity = quantity(line, value(fields, c.quantity()), errors);
        boolean returned = false;
        if (quantity != null) {
            if (prefix != null && !prefix.isEmpty()) {
                if (marked && quantity > 0) {
                    errors.add(new ImportLineError(line, "quantity",
                            "is positive on a cancellation (its order number starts with " + prefix + ")"));
                } else if (!marked && quantity < 0) {
                    errors.add(new ImportLineError(line, "quantity", "is negative on an order that is not marked as "
                            + "a cancellation (order numbers starting with " + prefix + " are)"));
                }
                returned = marked;
            } else {
                returned = quantity < 0;
            }
        }
        String currency = c.currency() == null ? mapping.currency() : value(fields, c.currency());
        Money price = price(line, value(fields, c.unitPrice()), currency, returned, errors);
        String customer = c.customer() == null ? null : value(fields, c.customer());
        if (customer != null) {
            var floatId = FLOAT_ID.matcher(customer);
            if (floatId.matches()) {
                customer = floatId.group(1);
            }
        }
        String channel = c.channel() == null ? null : value(fields, c.channel());
        String country = c.country() == null ? null : value(fields, c.country());
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        return new Taken(new ImportedLine(line, number, returned, at, sku, description == null ? "" : description,
                Math.abs(quantity), price, charge, customer, channel, country));
    }

    /**
     * What an error says could not be read at all: the field whose value is not of its kind, or {@code encoding}
     * for a line that does not decode; null for an error about a value that was read.
     */
    static @Nullable String unreadable(ImportLineError error) {
        if (error.field().equals("line")) {
            return error.reason().startsWith(UNDECODABLE) ? "encoding" : null;
        }
        return error.reason().startsWith(UNREADABLE) ? error.field() : null;
    }

    private @Nullable Instant time(long line, @Nullable String text, List<ImportLineError> errors) {
        if (text == null) {
            errors.add(new ImportLineError(line, "time", "is empty"));
            return null;
        }
        try {
            Instant at = LocalDateTime.parse(text, format).atZone(zone).toInstant();
            if (!at.isBefore(now)) {
                errors.add(new ImportLineError(line, "time", "is not in the past"));
            }
            return at;
        } catch (DateTimeException wrong) {
            errors.add(new ImportLineError(line, "time", UNREADABLE + "time in the format " + mapping.timeFormat()));
            return null;
        }
    }

    private static @Nullable Integer quantity(long line, @Nullable String text, List<ImportLineError> errors) {
        if (text == null) {
            errors.add(new ImportLineError(line, "quantity", "is empty"));
            return null;
        }
        try {
            int quantity = Integer.parseInt(text);
            if (quantity == 0) {
                errors.add(new ImportLineError(line, "quantity", "is 0: nothing was sold or returned"));
            }
            return quantity;
        } catch (NumberFormatException wrong) {
            errors.add(new ImportLineError(line, "quantity", UNREADABLE + "whole number"));
            return null;
        }
    }

    private @Nullable Money price(long line, @Nullable String text, @Nullable String currency, boolean returned,
            List<ImportLineError> errors) {
        if (currency == null) {
            errors.add(new ImportLineError(line, "currency", "is empty"));
            return null;
        }
        if (text == null) {
            errors.add(new ImportLineError(line, "unitPrice", "is empty"));
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            Money price = Money.of(amount, currency);
            if (price.isNegative()) {
                errors.add(new ImportLineError(line, "unitPrice", "is negative: a price adjustment is not a sale"));
            } else if (price.isZero() && !returned
                    && mapping.zeroPriceOrDefault() == OrderImportMapping.ZeroPrice.REPORT) {
                errors.add(new ImportLineError(line, "unitPrice",
                        "is 0: set mapping.zeroPrice to RECORD to record such lines as sold for nothing"));
            }
            return price;
        } catch (NumberFormatException wrong) {
            errors.add(new ImportLineError(line, "unitPrice", UNREADABLE + "decimal number"));
        } catch (InvalidRequestException refused) {
            errors.add(new ImportLineError(line, refused.field().equals("amount")
                    ? "unitPrice" : "currency", refused.reason()));
        }
        return null;
    }

    private @Nullable String value(List<String> fields, String column) {
        String value = fields.get(columns.get(column)).strip();
        return value.isEmpty() ? null : value;
    }

    private static Refused refused(long line, String field, String reason) {
        return new Refused(List.of(new ImportLineError(line, field, reason)));
    }
}
