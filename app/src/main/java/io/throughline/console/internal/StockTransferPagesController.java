package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.catalog.Sku;
import io.throughline.inventory.NewTransfer;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockTransfer;
import io.throughline.inventory.StockTransfers;
import io.throughline.inventory.TransferLine;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfers between locations: the ones leaving or reaching a location (her own shop unless she picks
 * another), a form to dispatch goods, and a button to receive what arrived.
 */
@Controller
@RequestMapping("/inventory/transfers")
@PreAuthorize(StaffPermission.Rules.KEEP_STOCK)
class StockTransferPagesController {

    private static final int TRANSFERS_PER_PAGE = 30;

    /** A transfer as listed, with names instead of ids. */
    record TransferRow(StockTransfer transfer, String from, String to, List<StockLines.LineView> lines,
            boolean arriving) {}

    private final StockPlaces places;
    private final StockLines lines;
    private final StockTransfers transfers;

    StockTransferPagesController(StockPlaces places, StockLines lines, StockTransfers transfers) {
        this.places = places;
        this.lines = lines;
        this.transfers = transfers;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable UUID at, Authentication staff, Model model) {
        UUID own = places.ownShopId(staff);
        UUID shown = at != null ? at : own;
        return page(StockLinesForm.empty(own), shown, Map.of(), model);
    }

    @PostMapping
    String step(@ModelAttribute("form") @Nullable StockLinesForm bound, BindingResult binding,
            @RequestParam(defaultValue = "add") String action,
            Model model, RedirectAttributes redirect) {
        // A shop id that is no id binds no form; the rest of it comes back with the error at the shop.
        StockLinesForm form = TypedForms.orRebuilt(bound, StockLinesForm.class, binding);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        if (action.equals("add")) {
            return page(lines.add(form, errors), form.location(), errors, model);
        }
        if (action.startsWith("remove-")) {
            return page(lines.remove(form, StockLines.index(action)), form.location(), errors, model);
        }
        StockLocation from = places.find(form.location());
        StockLocation to = places.find(form.destination());
        if (from == null) {
            errors.put("location", lines.text("inventory.error.location"));
        }
        if (to == null) {
            errors.put("destination", lines.text("inventory.error.location"));
        } else if (from != null && from.id().equals(to.id())) {
            errors.put("destination", lines.text("inventory.error.same-location"));
        }
        List<Integer> quantities = lines.quantities(form, 1, errors);
        if (!errors.isEmpty() || from == null || to == null || quantities == null) {
            return page(form, form.location(), errors, model);
        }
        List<TransferLine> transferLines = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            transferLines.add(new TransferLine(new Sku(form.linesOrEmpty().get(i).sku()), quantities.get(i)));
        }
        String reference = form.referenceOrEmpty();
        try {
            transfers.dispatch(new NewTransfer(from.id(), to.id(), transferLines, reference.isEmpty() ? null : reference));
            redirect.addFlashAttribute("notice", lines.text("inventory.transfer.dispatched", to.name()));
            return "redirect:/inventory/transfers?at=" + from.id();
        } catch (InvalidRequestException | ConflictException refused) {
            lines.refused(refused, errors);
        }
        return page(form, form.location(), errors, model);
    }

    @PostMapping("/{id}/receive")
    String receive(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            StockTransfer received = transfers.receive(id);
            redirect.addFlashAttribute("notice", lines.text("inventory.transfer.received",
                    places.names().getOrDefault(received.toLocationId(), "")));
            return "redirect:/inventory/transfers?at=" + received.toLocationId();
        } catch (ConflictException already) {
            redirect.addFlashAttribute("problem", lines.text("inventory.transfer.already-received"));
            return "redirect:/inventory/transfers?at=" + transfers.get(id).toLocationId();
        }
    }

    private String page(StockLinesForm form, @Nullable UUID shown, Map<String, String> errors, Model model) {
        Map<UUID, String> names = places.names();
        model.addAttribute("area", ConsoleArea.INVENTORY);
        model.addAttribute("form", form);
        model.addAttribute("lines", lines.views(form, null, null));
        model.addAttribute("locations", places.all());
        model.addAttribute("errors", errors);
        model.addAttribute("shown", shown);
        if (shown != null && names.containsKey(shown)) {
            model.addAttribute("shownName", names.get(shown));
            model.addAttribute("transfers", transfers.ofLocation(shown, new PageRequest(0, TRANSFERS_PER_PAGE))
                    .items().stream()
                    .map(transfer -> new TransferRow(transfer, names.getOrDefault(transfer.fromLocationId(), ""),
                            names.getOrDefault(transfer.toLocationId(), ""), lines.views(linesOf(transfer), null, null),
                            transfer.toLocationId().equals(shown)))
                    .toList());
        }
        return "console/inventory/transfers";
    }

    private static StockLinesForm linesOf(StockTransfer transfer) {
        return StockLinesForm.empty(null).withLines(transfer.lines().stream()
                .map(line -> new StockLinesForm.Line(line.sku().value(), String.valueOf(line.quantity()))).toList());
    }
}
