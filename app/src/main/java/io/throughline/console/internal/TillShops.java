package io.throughline.console.internal;

import io.throughline.inventory.LocationKind;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccounts;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PriceLists;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The shop a till works for. A tablet stays at its counter, so the associate picks the shop once: the session keeps
 * it, and a cookie on the device makes it the default at the next sign-in; with one shop there is nothing to pick.
 * The shop's code is the channel key its till sells under.
 */
@Component
class TillShops {

    static final String SESSION_KEY = "till.shop";
    static final String COOKIE = "till-shop";
    private static final Duration REMEMBERED = Duration.ofDays(365);

    private final StockLocations locations;
    private final PriceLists priceLists;
    private final StaffAccounts staff;

    TillShops(StockLocations locations, PriceLists priceLists, StaffAccounts staff) {
        this.locations = locations;
        this.priceLists = priceLists;
        this.staff = staff;
    }

    List<StockLocation> shops() {
        return locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(location -> location.kind() == LocationKind.SHOP).toList();
    }

    /**
     * The session's shop, else the device's, else the shop her staff account names, else the only one there is;
     * empty until the associate picks one.
     */
    Optional<StockLocation> current(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object chosen = session.getAttribute(SESSION_KEY);
        List<StockLocation> shops = shops();
        if (chosen instanceof UUID id) {
            return shops.stream().filter(shop -> shop.id().equals(id)).findFirst();
        }
        String device = deviceShop(request);
        Optional<StockLocation> remembered = shops.stream().filter(shop -> shop.code().equals(device)).findFirst();
        if (remembered.isPresent()) {
            session.setAttribute(SESSION_KEY, remembered.get().id());
            return remembered;
        }
        UUID own = ownShop(request);
        Optional<StockLocation> hers = shops.stream().filter(shop -> shop.id().equals(own)).findFirst();
        if (hers.isPresent()) {
            return hers;
        }
        return shops.size() == 1 ? Optional.of(shops.getFirst()) : Optional.empty();
    }

    private @Nullable UUID ownShop(HttpServletRequest request) {
        if (request.getUserPrincipal() instanceof Authentication signedIn
                && signedIn.getPrincipal() instanceof CurrentStaff.Identified) {
            return staff.get(CurrentStaff.id(signedIn)).shopId();
        }
        return null;
    }

    /** Remembers the shop with the code for this session and this device; false when no shop has that code. */
    boolean choose(HttpServletRequest request, HttpServletResponse response, @Nullable String code) {
        Optional<StockLocation> shop = shops().stream()
                .filter(candidate -> code != null && candidate.code().equals(code.strip())).findFirst();
        shop.ifPresent(found -> {
            request.getSession().setAttribute(SESSION_KEY, found.id());
            Cookie cookie = new Cookie(COOKIE, found.code());
            cookie.setPath(request.getContextPath() + "/till");
            cookie.setMaxAge((int) REMEMBERED.toSeconds());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        });
        return shop.isPresent();
    }

    private static @Nullable String deviceShop(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The currency a new sale at the shop is priced in: that of the price list the shop's channel sells from. */
    Optional<String> currency(StockLocation shop) {
        List<PriceList> lists = priceLists.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
        return lists.stream().filter(list -> list.channels().contains(shop.code())).findFirst()
                .or(() -> lists.stream().filter(list -> list.channels().isEmpty() && list.customerGroup() == null)
                        .findFirst())
                .map(PriceList::currency);
    }

    String name(UUID locationId) {
        return locations.get(locationId).name();
    }
}
