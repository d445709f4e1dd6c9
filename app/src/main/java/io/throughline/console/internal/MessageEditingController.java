package io.throughline.console.internal;

import io.throughline.messaging.Message;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Variant;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.ThroughlineException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A new message written in the console: an email and an SMS variant, with the preview beside the form,
 * refreshed by htmx as the marketer types: the email as its reader will see it, the SMS with its length and
 * segments. Push, in-app and A/B variants are added when the message is edited ({@link MessageRevisingController}).
 */
@Controller
@RequestMapping("/messages")
@PreAuthorize(StaffPermission.Rules.EDIT_MESSAGES)
class MessageEditingController {

    /** The message as typed; a channel left empty has no variant. */
    record MessageForm(@NotBlank @Size(max = 200) @Nullable String name, @NotNull @Nullable MessagePurpose purpose,
            @Size(max = 500) @Nullable String emailSubject, @Size(max = 100_000) @Nullable String emailHtml,
            @Size(max = 50_000) @Nullable String emailText, @Size(max = 1600) @Nullable String smsText) {

        boolean hasEmail() {
            return emailSubject != null || emailHtml != null || emailText != null;
        }

        /** The variants as they stand, for the preview; incomplete ones are left out there, refused on save. */
        List<Variant> variants(boolean complete) {
            List<Variant> variants = new ArrayList<>();
            if (hasEmail() && (!complete || (emailSubject != null && emailHtml != null && emailText != null))) {
                variants.add(new Variant.Email(Variant.DEFAULT_KEY, orEmpty(emailSubject), orEmpty(emailHtml),
                        orEmpty(emailText)));
            }
            if (smsText != null) {
                variants.add(new Variant.Sms(Variant.DEFAULT_KEY, smsText));
            }
            return variants;
        }

        private static String orEmpty(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    private final Messages messages;
    private final MessageSource texts;
    private final MessagePreviews cards;

    MessageEditingController(Messages messages, MessageSource texts, MessagePreviews cards) {
        this.messages = messages;
        this.texts = texts;
        this.cards = cards;
    }

    @InitBinder("message")
    void emptyIsNotGiven(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/new")
    String newMessage(Model model) {
        model.addAttribute("message", new MessageForm(null, MessagePurpose.MARKETING, null, null, null, null));
        return page(model, Map.of(), List.of());
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("message") MessageForm typed, BindingResult form, Model model,
            RedirectAttributes redirect) {
        if (typed.hasEmail()) {
            Map<String, @Nullable String> parts = new java.util.LinkedHashMap<>();
            parts.put("emailSubject", typed.emailSubject());
            parts.put("emailHtml", typed.emailHtml());
            parts.put("emailText", typed.emailText());
            parts.forEach((field, value) -> {
                if (value == null && !form.hasFieldErrors(field)) {
                    FormErrors.reject(form, field, "required", text("messages.error.emailPart"));
                }
            });
        }
        if (!typed.hasEmail() && typed.smsText() == null) {
            form.reject("empty", text("messages.error.noVariant"));
        }
        if (!form.hasErrors() && typed.name() != null && typed.purpose() != null) {
            try {
                Message created = messages.create(new NewMessage(typed.name(), typed.purpose(), null,
                        typed.variants(true)));
                redirect.addFlashAttribute("notice", text("messages.notice.created", created.name()));
                return "redirect:/messages/" + created.id();
            } catch (InvalidRequestException | ConflictException refused) {
                reject(form, refused, typed.hasEmail());
            }
        }
        return page(model, FormErrors.of(form), previews(typed));
    }

    /** The preview panel alone, for htmx while the marketer types. */
    @PostMapping("/preview")
    String preview(@ModelAttribute("message") @Nullable MessageForm bound, BindingResult form, Model model) {
        // Mid-typing, a purpose that is no purpose previews as the rest of the message; saving says what is wrong.
        model.addAttribute("previews", previews(TypedForms.orRebuilt(bound, MessageForm.class, form)));
        return "console/messages/form :: previews";
    }

    private List<MessagePreviews.Card> previews(MessageForm typed) {
        List<Variant> variants = typed.variants(false);
        if (variants.isEmpty()) {
            return List.of();
        }
        try {
            return cards.cards(messages.previewDraft(new NewMessage(typed.name() == null ? "draft" : typed.name(),
                    typed.purpose() == null ? MessagePurpose.MARKETING : typed.purpose(), null, variants)));
        } catch (InvalidRequestException unrenderable) {
            // A template that does not parse yet, mid-typing: the form's save says where.
            return List.of();
        }
    }

    private String page(Model model, Map<String, String> errors, List<MessagePreviews.Card> previews) {
        model.addAttribute("area", ConsoleArea.MESSAGES);
        model.addAttribute("purposes", MessagePurpose.values());
        model.addAttribute("errors", errors);
        model.addAttribute("previews", previews);
        return "console/messages/form";
    }

    /** The module names a variant's field by its place ({@code variants[0].html}); the form has one per channel. */
    private void reject(BindingResult form, ThroughlineException refused, boolean hasEmail) {
        String field = refused instanceof InvalidRequestException invalid ? invalid.field()
                : ((ConflictException) refused).field();
        String message = refused instanceof InvalidRequestException invalid ? invalid.reason() : refused.getMessage();
        String formField = switch (field) {
            case "name" -> "name";
            case String email when email.endsWith(".subject") -> "emailSubject";
            case String email when email.endsWith(".html") -> "emailHtml";
            case String text when text.endsWith(".text") -> smsOrEmailText(hasEmail, text);
            default -> null;
        };
        if (formField != null) {
            FormErrors.reject(form, formField, "rejected", message);
        } else {
            form.reject("rejected", message);
        }
    }

    /** {@code variants[1].text} is the SMS's when there is an email before it, or when there is no email at all. */
    private static String smsOrEmailText(boolean hasEmail, String field) {
        return hasEmail && field.startsWith("variants[0]") ? "emailText" : "smsText";
    }

    private String text(String key, Object... arguments) {
        return texts.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
