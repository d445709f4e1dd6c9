package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.tracking.ChannelType;
import io.throughline.tracking.IssuedWriteKey;
import io.throughline.tracking.NewSource;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import io.throughline.tracking.WriteKeySummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sources and their write keys, for administrators: the list with a form to add one, and a source's page with
 * its keys and settings. Changes redirect back to a page (POST-redirect-GET), except creating a write key,
 * whose answer is the only place the key is ever shown.
 */
@Controller
@RequestMapping("/sources")
@PreAuthorize(StaffPermission.Rules.MANAGE_SOURCES)
class SourcePagesController {

    /** A source as listed, with how many of its write keys still work. */
    record SourceRow(Source source, long liveWriteKeys) {

        public String channelTypeLabel() {
            return label(source.channelType());
        }
    }

    /** One choice of the channel type select. */
    record ChannelTypeOption(ChannelType value, String label) {}

    /**
     * What an administrator may change on an existing source; the channel key is fixed, events carry it.
     * {@code eventsPerSecond} is null only when the field was sent empty, which validation then refuses.
     */
    record SourceSettings(@NotNull @Min(1) @Max(1_000_000) @Nullable Integer eventsPerSecond, boolean enabled) {}

    private static final Set<String> NEW_SOURCE_FIELDS = Set.of("name", "channel", "channelType", "eventsPerSecond");
    private static final List<ChannelTypeOption> CHANNEL_TYPES = Arrays.stream(ChannelType.values())
            .map(type -> new ChannelTypeOption(type, label(type))).toList();

    private final Sources sources;

    SourcePagesController(Sources sources) {
        this.sources = sources;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("newSource", new NewSource("", "", ChannelType.WEB, NewSource.DEFAULT_EVENTS_PER_SECOND));
        return listPage(model, Map.of());
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newSource") NewSource newSource, BindingResult form, Model model,
            RedirectAttributes redirect) {
        if (!form.hasErrors()) {
            try {
                Source created = sources.create(newSource);
                redirect.addFlashAttribute("notice",
                        "Source " + created.name() + " created. Create a write key for its channel to send events.");
                return "redirect:/sources/" + created.id();
            } catch (ConflictException clash) {
                reject(form, clash.field(), clash.getMessage());
            } catch (InvalidRequestException invalid) {
                reject(form, invalid.field(), invalid.reason());
            }
        }
        // The form comes back with what was typed, each message next to its field.
        return listPage(model, FormErrors.of(form));
    }

    @GetMapping("/{id}")
    String source(@PathVariable UUID id, Model model) {
        Source source = sources.get(id);
        model.addAttribute("settings", new SourceSettings(source.eventsPerSecond(), source.enabled()));
        return sourcePage(source, model, Map.of());
    }

    /** Answered with the page itself, not a redirect: the key must not outlive this one response. */
    @PostMapping("/{id}/write-keys")
    String issueWriteKey(@PathVariable UUID id, Model model) {
        IssuedWriteKey issued = sources.issueWriteKey(id);
        Source source = sources.get(id);
        model.addAttribute("issuedKey", issued);
        model.addAttribute("settings", new SourceSettings(source.eventsPerSecond(), source.enabled()));
        return sourcePage(source, model, Map.of());
    }

    @PostMapping("/{id}/write-keys/{keyId}/revoke")
    String revokeWriteKey(@PathVariable UUID id, @PathVariable UUID keyId, RedirectAttributes redirect) {
        sources.revokeWriteKey(id, keyId);
        redirect.addFlashAttribute("notice", "Write key revoked. Requests that use it are refused from now on.");
        return "redirect:/sources/{id}";
    }

    @PostMapping("/{id}")
    String changeSettings(@PathVariable UUID id, @Valid @ModelAttribute("settings") SourceSettings settings,
            BindingResult form, Model model, RedirectAttributes redirect) {
        if (form.hasErrors()) {
            return sourcePage(sources.get(id), model, FormErrors.of(form));
        }
        sources.update(id, null, settings.eventsPerSecond(), settings.enabled());
        redirect.addFlashAttribute("notice", "Settings saved.");
        return "redirect:/sources/{id}";
    }

    private String listPage(Model model, Map<String, String> errors) {
        // One query per source for its keys: a brand has tens of sources, not thousands.
        List<SourceRow> rows = sources.list().stream()
                .map(source -> new SourceRow(source, sources.writeKeys(source.id()).stream()
                        .filter(key -> key.revokedAt() == null).count()))
                .toList();
        model.addAttribute("area", ConsoleArea.SOURCES);
        model.addAttribute("rows", rows);
        model.addAttribute("channelTypes", CHANNEL_TYPES);
        model.addAttribute("errors", errors);
        return "console/sources/list";
    }

    private String sourcePage(Source source, Model model, Map<String, String> errors) {
        List<WriteKeySummary> keys = sources.writeKeys(source.id());
        model.addAttribute("area", ConsoleArea.SOURCES);
        model.addAttribute("source", source);
        model.addAttribute("channelType", label(source.channelType()));
        model.addAttribute("writeKeys", keys);
        model.addAttribute("errors", errors);
        return "console/sources/detail";
    }

    private static void reject(BindingResult form, String field, String message) {
        if (NEW_SOURCE_FIELDS.contains(field)) {
            FormErrors.reject(form, field, "rejected", message);
        } else {
            form.reject("rejected", message);
        }
    }

    /** "Contact centre" for {@code CONTACT_CENTRE}. */
    static String label(ChannelType type) {
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
