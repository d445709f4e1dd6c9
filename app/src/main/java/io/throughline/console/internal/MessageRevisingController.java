package io.throughline.console.internal;

import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Variant;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.ThroughlineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a message in the console: its name, purpose and every variant on every channel the messaging module
 * has (email, SMS, push, in-app card, store task), A/B variants of a channel under their keys, a variant added or
 * emptied to take it out. The rendered previews beside the form follow what is typed (htmx); a refusal is shown at
 * the field at fault with everything typed kept.
 */
@Controller
@RequestMapping("/messages/{id}/edit")
@PreAuthorize(StaffPermission.Rules.EDIT_MESSAGES)
class MessageRevisingController {

    private static final Pattern MODULE_FIELD = Pattern.compile("variants\\[(\\d+)]\\.(\\w+)");

    private final Messages messages;
    private final MessagePreviews previews;
    private final MessageSource texts;

    MessageRevisingController(Messages messages, MessagePreviews previews, MessageSource texts) {
        this.messages = messages;
        this.previews = previews;
        this.texts = texts;
    }

    @GetMapping
    String edit(@PathVariable UUID id, Model model) {
        Message message = messages.get(id);
        return page(model, message, message.name(), message.purpose().name(),
                MessageVariantRows.of(message.variants()), Map.of());
    }

    /**
     * Saves the message, or with {@code add} gives the form a new empty variant of that channel and saves nothing.
     */
    @PostMapping
    String save(@PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) @Nullable String add, Model model, RedirectAttributes redirect) {
        Message message = messages.get(id);
        String name = form.getOrDefault("name", "").strip();
        String purposeTyped = form.getOrDefault("purpose", "");
        List<MessageVariantRows.Row> rows = new ArrayList<>(MessageVariantRows.parse(form));
        MessageChannel added = channel(add);
        if (added != null && rows.size() < MessageVariantRows.MAX_ROWS) {
            rows.add(MessageVariantRows.empty(added, rows));
            return page(model, message, name, purposeTyped, rows, Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>(MessageVariantRows.problems(rows, this::text));
        if (name.isEmpty()) {
            errors.put("name", text("messages.edit.error.required"));
        } else if (name.length() > 200) {
            errors.put("name", text("messages.edit.error.long", 200));
        }
        MessagePurpose purpose = purpose(purposeTyped);
        if (purpose == null) {
            errors.put("purpose", text("messages.edit.error.purpose"));
        }
        List<Variant> variants = MessageVariantRows.variants(rows);
        if (variants.isEmpty()) {
            errors.putIfAbsent(FormErrors.FORM, text("messages.error.noVariant"));
        }
        if (errors.isEmpty() && purpose != null) {
            try {
                Message saved = messages.update(id, new NewMessage(name, purpose, message.fallbacks(), variants));
                redirect.addFlashAttribute("notice", text("messages.notice.updated", saved.name()));
                return "redirect:/messages/" + id;
            } catch (InvalidRequestException | ConflictException refused) {
                errors.put(formField(refused, rows), reason(refused));
            }
        }
        return page(model, message, name, purposeTyped, rows, errors);
    }

    /** The previews alone, for htmx while the marketer types. */
    @PostMapping("/preview")
    String preview(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Message message = messages.get(id);
        model.addAttribute("previews", cards(message, MessageVariantRows.parse(form)));
        return "console/messages/edit :: previews";
    }

    private String page(Model model, Message message, String name, String purpose, List<MessageVariantRows.Row> rows,
            Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.MESSAGES);
        model.addAttribute("message", message);
        model.addAttribute("name", name);
        model.addAttribute("purpose", purpose);
        model.addAttribute("purposes", MessagePurpose.values());
        model.addAttribute("channels", MessageChannel.values());
        model.addAttribute("rows", rows);
        model.addAttribute("fieldsOf", java.util.Arrays.stream(MessageChannel.values()).collect(
                java.util.stream.Collectors.toMap(MessageChannel::name, MessageVariantRows::fieldsOf)));
        model.addAttribute("errors", errors);
        model.addAttribute("previews", cards(message, rows));
        return "console/messages/edit";
    }

    /** Each variant rendered for the sample customer; a template that does not parse yet previews as nothing. */
    private List<MessagePreviews.Card> cards(Message message, List<MessageVariantRows.Row> rows) {
        List<Variant> variants = MessageVariantRows.complete(rows);
        if (variants.isEmpty()) {
            return List.of();
        }
        try {
            return previews.cards(messages.previewDraft(new NewMessage(message.name(), message.purpose(),
                    message.fallbacks(), variants)));
        } catch (InvalidRequestException | ConflictException unrenderable) {
            return List.of();
        }
    }

    /** The module names a variant's field by its place among the variants; the form by its row. */
    private static String formField(ThroughlineException refused, List<MessageVariantRows.Row> rows) {
        String field = refused instanceof InvalidRequestException invalid ? invalid.field()
                : ((ConflictException) refused).field();
        if (field.equals("name")) {
            return "name";
        }
        Matcher variant = MODULE_FIELD.matcher(field);
        if (variant.find()) {
            int row = MessageVariantRows.rowOf(rows, Integer.parseInt(variant.group(1)));
            if (row >= 0) {
                return MessageVariantRows.Row.name(row, variant.group(2));
            }
        }
        return FormErrors.FORM;
    }

    private static String reason(ThroughlineException refused) {
        return refused instanceof InvalidRequestException invalid ? invalid.reason() : refused.getMessage();
    }

    private static @Nullable MessageChannel channel(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return MessageChannel.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAChannel) {
            return null;
        }
    }

    private static @Nullable MessagePurpose purpose(String typed) {
        try {
            return MessagePurpose.valueOf(typed.strip());
        } catch (IllegalArgumentException notAPurpose) {
            return null;
        }
    }

    private String text(String key, Object... arguments) {
        return texts.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
