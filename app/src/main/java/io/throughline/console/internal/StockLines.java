package io.throughline.console.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Gtin;
import io.throughline.catalog.ProductVariant;
import io.throughline.catalog.Sku;
import io.throughline.catalog.Variants;
import io.throughline.inventory.StockLocation;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.ThroughlineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The steps every stock form shares: a scanned barcode or a typed SKU becomes a line (a second scan of the same
 * item adds a unit), a line is removed, typed quantities are read with an error at each wrong one, and lines are
 * shown with their product names.
 */
@Component
class StockLines {

    /** A line as a page shows it. {@code recorded} and {@code difference} only when reviewing a count. */
    record LineView(int index, String sku, String name, String quantity, @Nullable Integer recorded,
            @Nullable Integer difference) {}

    static final int MAX_QUANTITY = 1_000_000;
    private static final Pattern BARCODE = Pattern.compile("[0-9 -]{8,20}");
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final Catalogue catalogue;
    private final Variants variants;
    private final MessageSource messages;

    StockLines(Catalogue catalogue, Variants variants, MessageSource messages) {
        this.catalogue = catalogue;
        this.variants = variants;
        this.messages = messages;
    }

    /** Adds what was scanned or typed, or puts the reason it names nothing at {@code scan}. */
    /**
     * Where a step of a lines form (a receipt, a count) leads: back to the form as edited — a line added or
     * removed, or something wrong at its field — or on to the location's quantities to book.
     */
    sealed interface Step {

        record Show(StockLinesForm form) implements Step {}

        record Book(StockLocation location, List<Integer> quantities) implements Step {}
    }

    /**
     * The step the form's {@code action} asks for: {@code add} (the typed item as a line), {@code remove-<n>}, {@code
     * back}, or anything else to book the lines at the form's location, each at least {@code min} units.
     */
    Step step(StockLinesForm form, String action, int min, StockPlaces places, Map<String, String> errors) {
        if (action.equals("add")) {
            return new Step.Show(add(form, errors));
        }
        if (action.startsWith("remove-")) {
            return new Step.Show(remove(form, index(action)));
        }
        if (action.equals("back")) {
            return new Step.Show(form);
        }
        StockLocation location = places.find(form.location());
        if (location == null) {
            errors.put("location", text("inventory.error.location"));
        }
        List<Integer> quantities = quantities(form, min, errors);
        return location == null || quantities == null ? new Step.Show(form) : new Step.Book(location, quantities);
    }

    /** The inventory module's refusal, at the line or field it names. */
    void refused(ThroughlineException refused, Map<String, String> errors) {
        switch (refused) {
            case InvalidRequestException invalid -> reject(invalid.field(), invalid.reason(), errors);
            default -> reject(refused instanceof ConflictException conflict ? conflict.field() : "",
                    refused.getMessage(), errors);
        }
    }

    /** The line a {@code remove-<n>} action names; -1 for none. */
    static int index(@Nullable String action) {
        try {
            return action == null ? -1 : Integer.parseInt(action.substring(action.indexOf('-') + 1));
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }

    StockLinesForm add(StockLinesForm form, Map<String, String> errors) {
        String typed = form.scan() == null ? "" : form.scan().strip();
        if (typed.isEmpty()) {
            errors.put("scan", text("inventory.error.scan-empty"));
            return form;
        }
        Optional<Sku> found = resolve(typed);
        if (found.isEmpty()) {
            errors.put("scan", text("inventory.error.scan-unknown", typed));
            return form;
        }
        String sku = found.get().value();
        List<StockLinesForm.Line> lines = new ArrayList<>(form.linesOrEmpty());
        for (int i = 0; i < lines.size(); i++) {
            StockLinesForm.Line line = lines.get(i);
            if (sku.equals(line.sku())) {
                Integer units = parse(line.quantity());
                lines.set(i, new StockLinesForm.Line(sku, units == null ? line.quantity() : String.valueOf(units + 1)));
                return form.withLines(lines);
            }
        }
        lines.add(new StockLinesForm.Line(sku, "1"));
        return form.withLines(lines);
    }

    StockLinesForm remove(StockLinesForm form, int index) {
        List<StockLinesForm.Line> lines = new ArrayList<>(form.linesOrEmpty());
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
        return form.withLines(lines);
    }

    /** The quantities as numbers from {@code min}, or null with an error at every line that is not one. */
    @Nullable List<Integer> quantities(StockLinesForm form, int min, Map<String, String> errors) {
        List<StockLinesForm.Line> lines = form.linesOrEmpty();
        if (lines.isEmpty()) {
            errors.put("scan", text("inventory.error.no-lines"));
            return null;
        }
        List<Integer> quantities = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer units = parse(lines.get(i).quantity());
            if (units == null || units < min || units > MAX_QUANTITY) {
                errors.put("lines[" + i + "].quantity", text("inventory.error.quantity", min, MAX_QUANTITY));
            }
            quantities.add(units);
        }
        return errors.isEmpty() ? quantities : null;
    }

    List<LineView> views(StockLinesForm form, @Nullable List<Integer> recorded, @Nullable List<Integer> counted) {
        List<StockLinesForm.Line> lines = form.linesOrEmpty();
        Map<Sku, CatalogueItem> items = catalogue.items(lines.stream().map(line -> new Sku(line.sku())).toList());
        List<LineView> views = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLinesForm.Line line = lines.get(i);
            CatalogueItem item = items.get(new Sku(line.sku()));
            Integer before = recorded == null ? null : recorded.get(i);
            Integer after = counted == null ? null : counted.get(i);
            views.add(new LineView(i, line.sku(), item == null ? line.sku() : item.name(),
                    line.quantity() == null ? "" : line.quantity(), before,
                    before == null || after == null ? null : after - before));
        }
        return views;
    }

    /**
     * Puts a refusal from the inventory module at the form's field: a line's quantity, the location, or the
     * form as a whole.
     */
    void reject(String field, String reason, Map<String, String> errors) {
        Matcher line = LINE_FIELD.matcher(field);
        String at;
        if (line.matches()) {
            at = "lines[" + line.group(1) + "]." + (line.group(2).equals("sku") ? "sku" : "quantity");
        } else {
            at = switch (field) {
                case "locationId", "fromLocationId" -> "location";
                case "toLocationId" -> "destination";
                case "reference" -> "reference";
                default -> FormErrors.FORM;
            };
        }
        errors.putIfAbsent(at, at.equals(FormErrors.FORM) ? field + " " + reason : reason);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A barcode first when it looks like one; a code that is not a known barcode may still be a SKU. */
    private Optional<Sku> resolve(String typed) {
        if (BARCODE.matcher(typed).matches()) {
            try {
                Optional<ProductVariant> scanned = variants.findByGtin(Gtin.of(typed));
                if (scanned.isPresent()) {
                    return Optional.of(scanned.get().variant().sku());
                }
            } catch (InvalidRequestException notABarcode) {
                // Digits with a wrong check digit may still be a SKU.
            }
        }
        try {
            Sku sku = Sku.of(typed);
            return catalogue.item(sku).map(CatalogueItem::sku);
        } catch (InvalidRequestException notASku) {
            return Optional.empty();
        }
    }

    private static @Nullable Integer parse(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
