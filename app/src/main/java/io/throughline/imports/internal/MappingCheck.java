package io.throughline.imports.internal;

import io.throughline.events.Identifier;
import io.throughline.imports.OrderImportMapping;
import io.throughline.platform.InvalidRequestException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mapping checked against the file's header before anything is imported: every column it names must be there,
 * its time format, zone, currency, encoding and customer type must mean something. A wrong mapping is refused as a
 * whole, naming its field, instead of refusing every line of the file one by one.
 */
final class MappingCheck {

    static final Set<String> CUSTOMER_TYPES = Set.of(Identifier.USER_ID, Identifier.EMAIL, Identifier.PHONE,
            Identifier.LOYALTY_CARD, Identifier.POS_CUSTOMER_ID, Identifier.DEVICE_ID);

    /** How many of the file's first lines are read to check the mapping against them. */
    static final int SAMPLE = 100;

    /**
     * What a line's error says of the mapping when every line sampled has it: the field of the mapping to name. A
     * column or format that reads none of the first lines is wrong, not the lines.
     */
    private static final Map<String, String> MAPPING_FIELD = Map.of(
            "time", "mapping.timeFormat",
            "sku", "mapping.columns.sku",
            "quantity", "mapping.columns.quantity",
            "unitPrice", "mapping.columns.unitPrice",
            "encoding", "mapping.encoding");

    private MappingCheck() {}

    /** The mapping's own values, before the file is looked at. */
    static Charset charset(OrderImportMapping mapping) {
        try {
            return Charset.forName(mapping.encodingOrDefault());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new InvalidRequestException("mapping.encoding", "is not an encoding this platform knows: "
                    + "UTF-8, ISO-8859-1, windows-1252, …");
        }
    }

    static void values(OrderImportMapping mapping) {
        try {
            DateTimeFormatter.ofPattern(mapping.timeFormat(), Locale.ROOT);
        } catch (IllegalArgumentException wrong) {
            throw new InvalidRequestException("mapping.timeFormat", "is not a date-time pattern such as "
                    + "yyyy-MM-dd HH:mm:ss");
        }
        try {
            ZoneId.of(mapping.timeZone());
        } catch (DateTimeException wrong) {
            throw new InvalidRequestException("mapping.timeZone", "is not a time zone such as Europe/London");
        }
        if (!CUSTOMER_TYPES.contains(mapping.customerType())) {
            throw new InvalidRequestException("mapping.customerType", "must be one of " + CUSTOMER_TYPES.stream()
                    .sorted().toList());
        }
        if (mapping.columns().currency() == null) {
            if (mapping.currency() == null) {
                throw new InvalidRequestException("mapping.currency",
                        "is needed when no column holds the currency (mapping.columns.currency)");
            }
            try {
                Currency.getInstance(mapping.currency());
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException("mapping.currency", "is not an ISO 4217 currency code");
            }
        }
        if (mapping.columns().channel() == null && (mapping.channel() == null || mapping.channel().isBlank())) {
            throw new InvalidRequestException("mapping.channel",
                    "is needed when no column holds the channel (mapping.columns.channel)");
        }
        if (mapping.unknownProductsOrDefault() == OrderImportMapping.UnknownProducts.CREATE
                && mapping.columns().description() == null) {
            throw new InvalidRequestException("mapping.columns.description",
                    "is needed to create unknown products from (mapping.unknownProducts is CREATE)");
        }
        charset(mapping);
    }

    /** Every column the mapping names is in the header. */
    static void header(OrderImportMapping mapping, List<String> header) {
        OrderImportMapping.Columns c = mapping.columns();
        Map<String, String> named = new LinkedHashMap<>();
        named.put("orderNumber", c.orderNumber());
        named.put("time", c.time());
        named.put("sku", c.sku());
        named.put("description", c.description());
        named.put("quantity", c.quantity());
        named.put("unitPrice", c.unitPrice());
        named.put("currency", c.currency());
        named.put("customer", c.customer());
        named.put("channel", c.channel());
        named.put("country", c.country());
        List<String> present = header.stream().map(String::strip).toList();
        for (Map.Entry<String, String> column : named.entrySet()) {
            if (column.getValue() != null && !present.contains(column.getValue().strip())) {
                throw new InvalidRequestException("mapping.columns." + column.getKey(), "names '"
                        + column.getValue() + "', which is not a column of the file (its header has "
                        + String.join(", ", present) + ")");
            }
        }
    }

    /**
     * The mapping against the file's first lines: a time format, column or encoding that reads not one of them is
     * refused naming the mapping's field, instead of every line of the file being reported one by one. A line that
     * is wrong on its own among good ones is left to the import's report.
     */
    static void sample(OrderImportMapping mapping, List<String> header, List<CsvRecords.Record> sample,
            Charset encoding, Instant now) {
        LineRules rules = new LineRules(mapping, header, encoding, now);
        Map<String, Integer> failing = new LinkedHashMap<>();
        int read = 0;
        for (CsvRecords.Record record : sample) {
            if (record.fields() == null || record.fields().size() != header.size()) {
                continue;
            }
            read++;
            if (rules.read(record.line(), record.fields()) instanceof LineRules.Refused(var errors)) {
                errors.stream().map(LineRules::unreadable).filter(Objects::nonNull).distinct()
                        .forEach(field -> failing.merge(field, 1, Integer::sum));
            }
        }
        for (Map.Entry<String, Integer> field : failing.entrySet()) {
            if (read > 0 && field.getValue() == read && MAPPING_FIELD.containsKey(field.getKey())) {
                throw new InvalidRequestException(MAPPING_FIELD.get(field.getKey()), reason(mapping, field.getKey(),
                        read, encoding));
            }
        }
    }

    private static String reason(OrderImportMapping mapping, String field, int read, Charset encoding) {
        String lines = read == 1 ? "the file's one line" : "any of the file's first " + read + " lines";
        return switch (field) {
            case "time" -> "'" + mapping.timeFormat() + "' reads the time of none of the file's first lines ("
                    + mapping.columns().time() + "): give the format its times are written in";
            case "encoding" -> "is " + encoding.name() + ", which does not decode " + lines
                    + ": name the file's encoding (e.g. windows-1252, ISO-8859-2)";
            default -> "names '" + columnOf(mapping, field) + "', which does not hold a " + switch (field) {
                case "sku" -> "product code";
                case "quantity" -> "whole number";
                default -> "decimal price";
            } + " on " + lines;
        };
    }

    private static String columnOf(OrderImportMapping mapping, String field) {
        return switch (field) {
            case "sku" -> mapping.columns().sku();
            case "quantity" -> mapping.columns().quantity();
            default -> mapping.columns().unitPrice();
        };
    }
}
