package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.catalog.Sku;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Goods in: an associate books a delivery into a location, scanning or typing each item and the units that
 * came. The whole delivery is recorded as {@code RECEIPT} movements in one transaction.
 */
@Controller
@RequestMapping("/inventory/receipts")
@PreAuthorize(StaffPermission.Rules.KEEP_STOCK)
class StockReceiptPagesController {

    private final StockPlaces places;
    private final StockLines lines;
    private final StockLedger ledger;

    StockReceiptPagesController(StockPlaces places, StockLines lines, StockLedger ledger) {
        this.places = places;
        this.lines = lines;
        this.ledger = ledger;
    }

    @GetMapping
    String start(Authentication staff, Model model) {
        return page(StockLinesForm.empty(places.ownShopId(staff)), Map.of(), model);
    }

    @PostMapping
    String step(@ModelAttribute("form") @Nullable StockLinesForm bound, BindingResult binding,
            @RequestParam(defaultValue = "add") String action,
            Model model, RedirectAttributes redirect) {
        // A shop id that is no id binds no form; the rest of it comes back with the error at the shop.
        StockLinesForm form = TypedForms.orRebuilt(bound, StockLinesForm.class, binding);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        StockLines.Step step = lines.step(form, action, 1, places, errors);
        if (!(step instanceof StockLines.Step.Book(StockLocation location, List<Integer> quantities))) {
            return page(((StockLines.Step.Show) step).form(), errors, model);
        }
        String reference = form.referenceOrEmpty();
        List<NewMovement> movements = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            movements.add(new NewMovement(new Sku(form.linesOrEmpty().get(i).sku()), location.id(),
                    MovementKind.RECEIPT, quantities.get(i), reference.isEmpty() ? null : reference, null));
        }
        try {
            ledger.recordAll(movements);
            int units = quantities.stream().mapToInt(Integer::intValue).sum();
            redirect.addFlashAttribute("notice", lines.text("inventory.receipt.booked", units, location.name()));
            return "redirect:/inventory/receipts";
        } catch (InvalidRequestException | ConflictException refused) {
            lines.refused(refused, errors);
        }
        return page(form, errors, model);
    }

    private String page(StockLinesForm form, Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.INVENTORY);
        model.addAttribute("form", form);
        model.addAttribute("lines", lines.views(form, null, null));
        model.addAttribute("locations", places.all());
        model.addAttribute("errors", errors);
        return "console/inventory/receipt";
    }
}
