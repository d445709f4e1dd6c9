package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.ConflictException;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NewStaffAccount;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffAssignment;
import io.throughline.platform.StaffRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Staff accounts, for administrators: the list with a form to open an account, and an account's page to
 * change its name, role, shop and time zone, or to disable it. The shop is chosen among the brand's shops and
 * shown by name; a time zone is typed (with suggestions) and refused at its field when it is not one.
 */
@Controller
@RequestMapping("/staff")
@PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
class StaffPagesController {

    /** The new-account form as typed; the time zone stays text so that a wrong one comes back as it was. */
    record NewAccountForm(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String displayName, @NotNull @Nullable StaffRole role,
            @NotBlank @Size(min = 12, max = 72) String password, @Nullable UUID shopId, @Nullable String timeZone) {}

    /** The assignment form as typed. */
    record AssignmentForm(@NotBlank @Size(max = 100) String displayName, @NotNull @Nullable StaffRole role,
            @Nullable UUID shopId, @Nullable String timeZone) {}

    /** An account as listed, with its shop's name. */
    record StaffRow(StaffAccount account, @Nullable String shopName) {}

    private static final int PAGE_SIZE = 50;
    private static final Set<String> NEW_ACCOUNT_FIELDS =
            Set.of("email", "displayName", "role", "password", "shopId", "timeZone");
    private static final List<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .toList();

    private final StaffAccounts staffAccounts;
    private final StockLocations locations;
    private final MessageSource messages;

    StaffPagesController(StaffAccounts staffAccounts, StockLocations locations, MessageSource messages) {
        this.staffAccounts = staffAccounts;
        this.locations = locations;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("newAccount", new NewAccountForm("", "", StaffRole.STORE_ASSOCIATE, "", null, ""));
        return listPage(Math.max(page, 0), model, Map.of());
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newAccount") NewAccountForm typed, BindingResult form, Model model,
            RedirectAttributes redirect) {
        Map<UUID, String> shops = shops();
        ZoneId zone = zone(typed.timeZone(), form);
        requireShop(typed.shopId(), shops, form);
        if (!form.hasErrors()) {
            try {
                StaffAccount created = staffAccounts.create(new NewStaffAccount(typed.email(), typed.displayName(),
                        typed.role(), typed.password(), typed.shopId(), zone));
                redirect.addFlashAttribute("notice", text("staff.notice.created", created.displayName()));
                return "redirect:/staff/" + created.id();
            } catch (ConflictException clash) {
                reject(form, clash.field(), refusal(clash));
            } catch (InvalidRequestException invalid) {
                reject(form, invalid.field(), invalid.reason());
            }
        }
        return listPage(0, model, FormErrors.of(form));
    }

    @GetMapping("/{id}")
    String account(@PathVariable UUID id, Model model) {
        StaffAccount account = staffAccounts.get(id);
        model.addAttribute("assignment", new AssignmentForm(account.displayName(), account.role(), account.shopId(),
                account.timeZone() == null ? "" : account.timeZone().getId()));
        return accountPage(account, model, Map.of());
    }

    @PostMapping("/{id}")
    String assign(@PathVariable UUID id, @Valid @ModelAttribute("assignment") AssignmentForm typed,
            BindingResult form, Model model, RedirectAttributes redirect) {
        StaffAccount account = staffAccounts.get(id);
        ZoneId zone = zone(typed.timeZone(), form);
        requireShop(typed.shopId(), shops(), form);
        if (!form.hasErrors()) {
            try {
                staffAccounts.assign(id, new StaffAssignment(typed.displayName(), typed.role(), typed.shopId(), zone));
                redirect.addFlashAttribute("notice", text("staff.notice.saved"));
                return "redirect:/staff/{id}";
            } catch (ConflictException clash) {
                reject(form, clash.field(), refusal(clash));
            }
        }
        return accountPage(account, model, FormErrors.of(form));
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, Authentication staff, Model model, RedirectAttributes redirect) {
        return switchAccount(id, false, staff, model, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, Authentication staff, Model model, RedirectAttributes redirect) {
        return switchAccount(id, true, staff, model, redirect);
    }

    private String switchAccount(UUID id, boolean enabled, Authentication staff, Model model,
            RedirectAttributes redirect) {
        StaffAccount account = staffAccounts.get(id);
        String refusal = null;
        if (!enabled && id.equals(CurrentStaff.id(staff))) {
            // She would lock herself out in the middle of her own session.
            refusal = text("staff.error.disableSelf");
        } else {
            try {
                staffAccounts.update(id, null, null, enabled, null);
            } catch (ConflictException clash) {
                refusal = refusal(clash);
            }
        }
        if (refusal != null) {
            model.addAttribute("assignment", new AssignmentForm(account.displayName(), account.role(),
                    account.shopId(), account.timeZone() == null ? "" : account.timeZone().getId()));
            return accountPage(account, model, Map.of("enabled", refusal));
        }
        redirect.addFlashAttribute("notice", text(enabled ? "staff.notice.enabled" : "staff.notice.disabled",
                account.displayName()));
        return "redirect:/staff/{id}";
    }

    private String listPage(int page, Model model, Map<String, String> errors) {
        Page<StaffAccount> accounts = staffAccounts.list(new PageRequest(page, PAGE_SIZE));
        Map<UUID, String> shops = shops();
        model.addAttribute("accounts", accounts);
        model.addAttribute("rows", accounts.items().stream()
                .map(account -> new StaffRow(account, account.shopId() == null ? null : shops.get(account.shopId())))
                .toList());
        return withChoices(model, shops, errors, "console/staff/list");
    }

    private String accountPage(StaffAccount account, Model model, Map<String, String> errors) {
        Map<UUID, String> shops = shops();
        model.addAttribute("account", account);
        model.addAttribute("shopName", account.shopId() == null ? null : shops.get(account.shopId()));
        return withChoices(model, shops, errors, "console/staff/account");
    }

    private String withChoices(Model model, Map<UUID, String> shops, Map<String, String> errors, String view) {
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("shops", shops);
        model.addAttribute("zones", ZONES);
        model.addAttribute("errors", errors);
        return view;
    }

    /** The brand's shops by name; a brand has tens of locations, so one page holds them all. */
    private Map<UUID, String> shops() {
        return locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(location -> location.kind() == LocationKind.SHOP)
                .collect(Collectors.toMap(StockLocation::id, StockLocation::name, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private void requireShop(@Nullable UUID shopId, Map<UUID, String> shops, BindingResult form) {
        if (shopId != null && !shops.containsKey(shopId) && !form.hasFieldErrors("shopId")) {
            FormErrors.reject(form, "shopId", "unknown", text("staff.error.shop"));
        }
    }

    private @Nullable ZoneId zone(@Nullable String typed, BindingResult form) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(typed.strip());
        } catch (DateTimeException notAZone) {
            FormErrors.reject(form, "timeZone", "unknown", text("staff.error.timeZone"));
            return null;
        }
    }

    private static void reject(BindingResult form, String field, String message) {
        if (NEW_ACCOUNT_FIELDS.contains(field)) {
            FormErrors.reject(form, field, "rejected", message);
        } else {
            form.reject("rejected", message);
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The platform's refusals in the reader's language. */
    private String refusal(ConflictException clash) {
        return switch (clash.field()) {
            case "email" -> text("staff.error.emailTaken");
            case "role", "enabled" -> text("staff.error.lastAdmin");
            default -> clash.getMessage();
        };
    }
}
