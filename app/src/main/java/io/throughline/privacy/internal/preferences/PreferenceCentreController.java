package io.throughline.privacy.internal.preferences;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's preference centre, reached from a signed link in any message, without signing in: one page of
 * purpose × channel boxes in her language, saved in one step and editable again from the same link. It shows
 * nothing personal, since a link can be forwarded. A bad or expired link answers the same as an unknown one.
 */
@Controller
@RequestMapping("/m/preferences")
@Hidden
class PreferenceCentreController {

    private final PreferenceCentre centre;
    private final MessageSource messages;

    PreferenceCentreController(PreferenceCentre centre, MessageSource messages) {
        this.centre = centre;
        this.messages = messages;
    }

    @GetMapping("/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PreferenceTexts texts = texts(lang, request);
        Optional<UUID> profile = centre.profileOf(token);
        if (profile.isEmpty()) {
            return invalid(texts, response, model);
        }
        return page(token, profile.get(), texts, null, model, response);
    }

    @PostMapping("/{token}")
    String save(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
            @RequestParam(name = "choice", required = false) @Nullable List<String> choices, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PreferenceTexts texts = texts(lang, request);
        Optional<UUID> profile = centre.profileOf(token);
        if (profile.isEmpty()) {
            return invalid(texts, response, model);
        }
        List<Choice> ticked = (choices == null ? Collections.<String>emptyList() : choices).stream()
                .map(Choice::of).flatMap(Optional::stream).toList();
        PreferenceCentre.Saved saved = centre.save(profile.get(), ticked, texts);
        return page(token, profile.get(), texts, saved.confirmationSent() ? "prefs.saved-confirm" : "prefs.saved",
                model, response);
    }

    /** Mail scanners follow links: the GET only asks, the POST confirms. */
    @GetMapping("/confirm/{token}")
    String confirmPage(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PreferenceTexts texts = texts(lang, request);
        if (centre.confirmingProfileOf(token).isEmpty()) {
            return invalid(texts, response, model);
        }
        model.addAttribute("t", texts);
        model.addAttribute("token", token);
        model.addAttribute("confirmed", false);
        noStore(response);
        return "preferences/confirm";
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PreferenceTexts texts = texts(lang, request);
        Optional<UUID> profile = centre.confirmingProfileOf(token);
        if (profile.isEmpty()) {
            return invalid(texts, response, model);
        }
        boolean confirmed = centre.confirm(profile.get(), texts);
        model.addAttribute("t", texts);
        model.addAttribute("token", token);
        model.addAttribute("confirmed", true);
        model.addAttribute("notice", confirmed ? "prefs.confirmed" : "prefs.nothing-to-confirm");
        noStore(response);
        return "preferences/confirm";
    }

    private String page(String token, UUID profile, PreferenceTexts texts, @Nullable String notice, Model model,
            HttpServletResponse response) {
        PreferenceCentre.Boxes boxes = centre.boxes(profile);
        model.addAttribute("t", texts);
        model.addAttribute("token", token);
        model.addAttribute("languages", PreferenceTexts.LANGUAGES);
        model.addAttribute("purposes", io.throughline.privacy.Consent.Purpose.values());
        model.addAttribute("channels", io.throughline.privacy.Consent.Channel.values());
        model.addAttribute("granted", boxes.granted().stream().map(Choice::key).toList());
        model.addAttribute("pending", boxes.pending().stream().map(Choice::key).toList());
        model.addAttribute("notice", notice);
        noStore(response);
        return "preferences/page";
    }

    private String invalid(PreferenceTexts texts, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        noStore(response);
        model.addAttribute("t", texts);
        return "preferences/invalid";
    }

    private PreferenceTexts texts(@Nullable String lang, HttpServletRequest request) {
        List<Locale> browser = Collections.list(request.getLocales());
        return new PreferenceTexts(messages, PreferenceTexts.choose(lang, browser));
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
