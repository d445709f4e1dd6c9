package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.catalog.Sku;
import io.throughline.inventory.CountedStock;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockMovement;
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
 * A stock count in the console: an associate scans or types each item on a shelf, enters how many she found,
 * reviews the differences against the recorded stock, and posts the count, which records a {@code COUNT}
 * movement for every line in one go. The form carries its lines from step to step; nothing is stored until
 * the count is posted.
 */
@Controller
@RequestMapping("/inventory/counts")
@PreAuthorize(StaffPermission.Rules.KEEP_STOCK)
class StockCountPagesController {

    /** A line of a posted count as the confirmation shows it. */
    record PostedLine(String name, String sku, int counted, int difference) {}

    private final StockPlaces places;
    private final StockLines lines;
    private final StockLedger ledger;

    StockCountPagesController(StockPlaces places, StockLines lines, StockLedger ledger) {
        this.places = places;
        this.lines = lines;
        this.ledger = ledger;
    }

    @GetMapping
    String start(Authentication staff, Model model) {
        return counting(StockLinesForm.empty(places.ownShopId(staff)), Map.of(), model);
    }

    @PostMapping
    String step(@ModelAttribute("form") @Nullable StockLinesForm bound, BindingResult binding,
            @RequestParam(defaultValue = "add") String action,
            Model model, RedirectAttributes redirect) {
        // A shop id that is no id binds no form; the rest of it comes back with the error at the shop.
        StockLinesForm form = TypedForms.orRebuilt(bound, StockLinesForm.class, binding);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        StockLines.Step step = lines.step(form, action, 0, places, errors);
        if (!(step instanceof StockLines.Step.Book(StockLocation location, List<Integer> counted))) {
            return counting(((StockLines.Step.Show) step).form(), errors, model);
        }
        if (action.equals("post")) {
            return post(form, location, counted, errors, model, redirect);
        }
        List<Integer> recorded = form.linesOrEmpty().stream()
                .map(line -> ledger.level(new Sku(line.sku()), location.id()).onHand()).toList();
        model.addAttribute("reviewing", true);
        model.addAttribute("location", location);
        return page(form, lines.views(form, recorded, counted), errors, model);
    }

    private String post(StockLinesForm form, StockLocation location, List<Integer> counted,
            Map<String, String> errors, Model model, RedirectAttributes redirect) {
        List<CountedStock> counts = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            counts.add(new CountedStock(new Sku(form.linesOrEmpty().get(i).sku()), counted.get(i)));
        }
        String reference = form.referenceOrEmpty();
        try {
            List<StockMovement> movements = ledger.countAll(location.id(), counts,
                    reference.isEmpty() ? null : reference);
            Map<String, String> names = new LinkedHashMap<>();
            lines.views(form, null, null).forEach(line -> names.put(line.sku(), line.name()));
            List<PostedLine> posted = movements.stream().map(movement -> new PostedLine(
                    names.getOrDefault(movement.sku(), movement.sku()), movement.sku(), movement.onHandAfter(),
                    movement.quantity())).toList();
            redirect.addFlashAttribute("posted", posted);
            redirect.addFlashAttribute("postedAt", location.name());
            redirect.addFlashAttribute("notice", lines.text("inventory.count.posted", posted.size(), location.name()));
            return "redirect:/inventory/counts";
        } catch (InvalidRequestException | ConflictException refused) {
            lines.refused(refused, errors);
        }
        return counting(form, errors, model);
    }

    private String counting(StockLinesForm form, Map<String, String> errors, Model model) {
        model.addAttribute("reviewing", false);
        return page(form, lines.views(form, null, null), errors, model);
    }

    private String page(StockLinesForm form, List<StockLines.LineView> views, Map<String, String> errors,
            Model model) {
        model.addAttribute("area", ConsoleArea.INVENTORY);
        model.addAttribute("form", form);
        model.addAttribute("lines", views);
        model.addAttribute("locations", places.all());
        model.addAttribute("errors", errors);
        return "console/inventory/count";
    }
}
