package io.throughline.console.internal;

import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffAccounts;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every member of staff's own account: her password and her API tokens, and for administrators the way to
 * everyone else's accounts. This is where an administrator
 * gets a first API token without having set a bootstrap token, and changes the generated password.
 */
@Controller
@RequestMapping("/account")
class AccountPagesController {

    private final StaffAccounts staffAccounts;
    private final StockLocations locations;
    private final MessageSource messages;

    AccountPagesController(StaffAccounts staffAccounts, StockLocations locations, MessageSource messages) {
        this.staffAccounts = staffAccounts;
        this.locations = locations;
        this.messages = messages;
    }

    @GetMapping
    String account(Authentication staff, Model model) {
        return page(CurrentStaff.id(staff), model);
    }

    @PostMapping("/password")
    String changePassword(Authentication staff, @RequestParam String currentPassword,
            @RequestParam String newPassword, Model model, RedirectAttributes redirect) {
        try {
            staffAccounts.changeOwnPassword(CurrentStaff.id(staff), currentPassword, newPassword);
        } catch (InvalidRequestException refused) {
            model.addAttribute("passwordError", refused);
            return page(CurrentStaff.id(staff), model);
        }
        redirect.addFlashAttribute("notice", text("account.password.changed"));
        return "redirect:/account";
    }

    /** The new token is shown on this response only; a reload must not show it again, so no redirect. */
    @PostMapping("/tokens")
    String issueToken(Authentication staff, @RequestParam String name, Model model) {
        try {
            model.addAttribute("issuedToken", staffAccounts.issueToken(CurrentStaff.id(staff), name.strip()));
        } catch (InvalidRequestException refused) {
            model.addAttribute("tokenError", refused);
        }
        return page(CurrentStaff.id(staff), model);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revokeToken(Authentication staff, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        staffAccounts.revokeToken(CurrentStaff.id(staff), tokenId);
        redirect.addFlashAttribute("notice", text("account.tokens.revoked.notice"));
        return "redirect:/account";
    }

    private String page(UUID staffId, Model model) {
        StaffAccount account = staffAccounts.get(staffId);
        model.addAttribute("account", account);
        model.addAttribute("shopName", account.shopId() == null ? null : locations.get(account.shopId()).name());
        model.addAttribute("tokens", staffAccounts.tokens(staffId));
        return "console/account";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
