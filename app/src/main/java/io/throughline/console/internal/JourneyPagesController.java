package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.journeys.DryRun;
import io.throughline.journeys.DryRunRequest;
import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStats;
import io.throughline.journeys.JourneyVersion;
import io.throughline.journeys.Journeys;
import io.throughline.messaging.Message;
import io.throughline.messaging.Messages;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys for marketers: the list with customers in flight and goal conversion, a journey's page with its
 * definition in words and per-step counts, activation and pausing, a dry run for one customer, and an editor
 * of the JSON definition for experts (the step builder, {@link JourneyBuilderController}, is the usual way);
 * every save is a new version. Analysts read journeys and their statistics; marketers also steer them.
 */
@Controller
@RequestMapping("/journeys")
@PreAuthorize(StaffPermission.Rules.READ_JOURNEYS)
class JourneyPagesController {

    /** A journey as listed: customers in flight on any version, and the active version's goal conversion. */
    record JourneyRow(Journey journey, long inFlight, String conversion) {}

    /** A step as the journey's page shows it: what it does and how many customers came, went and wait. */
    record StepRow(JourneyReading.StepLine line, @Nullable UUID messageId, long in, long out, long waiting) {}

    /**
     * The dry-run form as typed: a profile id or an email address, an optional start in the console's time
     * zone, and hypothetical events, one a line, e.g. {@code Order Completed after 30h}.
     */
    record DryRunForm(@Nullable String customer, @Nullable String start, @Nullable String events) {

        String customerOrEmpty() {
            return customer == null ? "" : customer.strip();
        }
    }

    private static final Pattern EVENT_LINE = Pattern.compile("(.+?)\\s+(after|at)\\s+(\\S+)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})(m|h|d)");
    private static final java.time.format.DateTimeFormatter FORM_MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Journeys journeys;
    private final Messages messages;
    private final CustomerProfiles profiles;
    private final JsonMapper json;
    private final Clock clock;
    private final ConsoleDates dates;
    private final MessageSource texts;

    JourneyPagesController(Journeys journeys, Messages messages, CustomerProfiles profiles, JsonMapper json,
            Clock clock, ConsoleDates dates, MessageSource texts) {
        this.journeys = journeys;
        this.messages = messages;
        this.profiles = profiles;
        this.json = json;
        this.clock = clock;
        this.dates = dates;
        this.texts = texts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Journey> found = journeys.list(new PageRequest(page, PageRequest.DEFAULT_SIZE));
        model.addAttribute("rows", found.items().stream().map(this::row).toList());
        model.addAttribute("page", found);
        model.addAttribute("area", ConsoleArea.JOURNEYS);
        return "console/journeys/list";
    }

    @GetMapping("/{key}")
    String journey(@PathVariable String key, @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        Journey journey = journeys.get(key);
        model.addAttribute("dryRun", new DryRunForm("", "", ""));
        return journeyPage(journey, version, model, Map.of());
    }

    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @PostMapping("/{key}/activate")
    String activate(@PathVariable String key, RedirectAttributes redirect) {
        Journey journey = journeys.activate(key);
        redirect.addFlashAttribute("notice", text("journeys.notice.active", journey.activeVersion()));
        return "redirect:/journeys/{key}";
    }

    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @PostMapping("/{key}/pause")
    String pause(@PathVariable String key, RedirectAttributes redirect) {
        journeys.pause(key);
        redirect.addFlashAttribute("notice", text("journeys.notice.paused"));
        return "redirect:/journeys/{key}";
    }

    /** The dry run's outcome: the path alone for htmx, else the journey's page with it. */
    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @PostMapping("/{key}/dry-run")
    String dryRun(@PathVariable String key, @ModelAttribute("dryRun") DryRunForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Journey journey = journeys.get(key);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID profileId = customer(form.customerOrEmpty(), errors);
        Instant start = start(form.start(), errors);
        List<DryRunRequest.HypotheticalEvent> events = events(form.events(), start == null ? clock.instant() : start,
                errors);
        if (errors.isEmpty() && profileId != null) {
            try {
                DryRun run = journeys.dryRun(key, new DryRunRequest(profileId, start, events, null));
                model.addAttribute("run", run);
            } catch (InvalidRequestException invalid) {
                errors.put(FormErrors.FORM, invalid.field() + " " + invalid.reason());
            }
        }
        if (htmx != null) {
            model.addAttribute("journey", journey);
            model.addAttribute("errors", errors);
            return "console/journeys/detail :: dry-run";
        }
        return journeyPage(journey, null, model, errors);
    }

    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @GetMapping("/new/json")
    String newJourney(Model model) {
        return editor(null, """
                {
                  "key": "my-journey",
                  "name": "My journey",
                  "trigger": {"event": "Product Added"},
                  "reentry": "once",
                  "start": "done",
                  "steps": {
                    "done": {"type": "exit"}
                  }
                }""", model, null);
    }

    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @PostMapping("/new/json")
    String create(@RequestParam String definition, Model model, RedirectAttributes redirect) {
        try {
            Journey created = journeys.create(parse(definition));
            redirect.addFlashAttribute("notice", text("journeys.notice.created"));
            return "redirect:/journeys/" + created.key();
        } catch (InvalidRequestException invalid) {
            return editor(null, definition, model, invalid);
        } catch (ConflictException taken) {
            return editor(null, definition, model, new InvalidRequestException("$.key", taken.getMessage()));
        }
    }

    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @GetMapping("/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        Journey journey = journeys.get(key);
        JourneyVersion latest = journeys.version(key, journey.latestVersion());
        return editor(journey, json.writerWithDefaultPrettyPrinter().writeValueAsString(latest.definition()), model,
                null);
    }

    @PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
    @PostMapping("/{key}/edit")
    String save(@PathVariable String key, @RequestParam String definition, Model model,
            RedirectAttributes redirect) {
        Journey journey = journeys.get(key);
        try {
            Journey saved = journeys.update(key, parse(definition));
            redirect.addFlashAttribute("notice", text(saved.activeVersion() != null
                    && saved.activeVersion() == saved.latestVersion() ? "journeys.notice.saved-active"
                    : "journeys.notice.saved", saved.latestVersion()));
            return "redirect:/journeys/{key}";
        } catch (InvalidRequestException invalid) {
            return editor(journey, definition, model, invalid);
        }
    }

    private String editor(@Nullable Journey journey, String definition, Model model,
            @Nullable InvalidRequestException problem) {
        model.addAttribute("journey", journey);
        model.addAttribute("definition", definition);
        model.addAttribute("problem", problem);
        model.addAttribute("area", ConsoleArea.JOURNEYS);
        return "console/journeys/edit";
    }

    private JsonNode parse(String definition) {
        try {
            return json.readTree(definition);
        } catch (JacksonException malformed) {
            var where = malformed.getLocation();
            throw new InvalidRequestException("$", "is not valid JSON"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + malformed.getOriginalMessage());
        }
    }

    private String journeyPage(Journey journey, @Nullable Integer shown, Model model, Map<String, String> errors) {
        int version = shown != null ? shown
                : journey.activeVersion() != null ? journey.activeVersion() : journey.latestVersion();
        JourneyVersion definition = journeys.version(journey.key(), version);
        JourneyStats stats = journeys.stats(journey.key(), version);
        JourneyReading reading = JourneyReading.of(definition.definition(), ConsoleWords.of(texts));
        Map<String, JourneyStats.StepCount> counts = new LinkedHashMap<>();
        stats.steps().forEach(count -> counts.put(count.step(), count));
        Map<String, Optional<UUID>> messageIds = new LinkedHashMap<>();
        List<StepRow> steps = reading.steps().stream().map(line -> {
            JourneyStats.StepCount count = counts.get(line.id());
            UUID messageId = line.message() == null ? null : messageIds.computeIfAbsent(line.message(),
                    name -> messages.findByName(name).map(Message::id)).orElse(null);
            return count == null ? new StepRow(line, messageId, 0, 0, 0)
                    : new StepRow(line, messageId, count.in(), count.out(), count.waiting());
        }).toList();
        model.addAttribute("journey", journey);
        model.addAttribute("version", version);
        model.addAttribute("versions", IntStream.rangeClosed(1, journey.latestVersion()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("savedAt", definition.createdAt());
        model.addAttribute("reading", reading);
        model.addAttribute("steps", steps);
        model.addAttribute("stats", stats);
        model.addAttribute("conversion", conversion(stats, reading.goal() != null));
        model.addAttribute("errors", errors);
        model.addAttribute("area", ConsoleArea.JOURNEYS);
        return "console/journeys/detail";
    }

    private JourneyRow row(Journey journey) {
        long inFlight = 0;
        for (int version = 1; version <= journey.latestVersion(); version++) {
            inFlight += journeys.stats(journey.key(), version).steps().stream()
                    .mapToLong(JourneyStats.StepCount::waiting).sum();
        }
        int current = journey.activeVersion() != null ? journey.activeVersion() : journey.latestVersion();
        boolean hasGoal = journeys.version(journey.key(), current).definition().hasNonNull("goal");
        return new JourneyRow(journey, inFlight, conversion(journeys.stats(journey.key(), current), hasGoal));
    }

    /** "25.0 % (3 of 12)", or why there is no rate to show. */
    static String conversion(JourneyStats stats, boolean hasGoal) {
        if (!hasGoal) {
            return "no goal";
        }
        if (stats.entered() == 0) {
            return "no entries yet";
        }
        return String.format(Locale.ROOT, "%.1f %% (%d of %d)", stats.conversionRate() * 100, stats.converted(),
                stats.entered());
    }

    private @Nullable UUID customer(String typed, Map<String, String> errors) {
        if (typed.isEmpty()) {
            errors.put("customer", text("journeys.dry-run.customer-missing"));
            return null;
        }
        Optional<CustomerProfile> found;
        try {
            UUID id = UUID.fromString(typed);
            found = Optional.of(profiles.get(id));
        } catch (IllegalArgumentException notAnId) {
            found = typed.contains("@") ? profiles.findByEmail(typed) : Optional.empty();
        } catch (NotFoundException unknown) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            errors.put("customer", text("journeys.dry-run.customer-unknown"));
            return null;
        }
        return found.get().id();
    }

    private @Nullable Instant start(@Nullable String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip(), FORM_MOMENT).atZone(dates.zone()).toInstant();
        } catch (DateTimeException notLocal) {
            try {
                return Instant.parse(typed.strip());
            } catch (DateTimeException notInstant) {
                errors.put("start", text("journeys.dry-run.start-bad", dates.zone().getId()));
                return null;
            }
        }
    }

    /** One event a line: {@code Order Completed after 30h} or {@code Order Completed at 2026-11-25T10:00}. */
    private List<DryRunRequest.HypotheticalEvent> events(@Nullable String typed, Instant start,
            Map<String, String> errors) {
        List<DryRunRequest.HypotheticalEvent> events = new ArrayList<>();
        if (typed == null) {
            return events;
        }
        String[] lines = typed.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = EVENT_LINE.matcher(line);
            Instant at = null;
            if (matcher.matches()) {
                String when = matcher.group(3).toLowerCase(Locale.ROOT);
                if (matcher.group(2).equalsIgnoreCase("after")) {
                    Matcher duration = SHORT_DURATION.matcher(when);
                    at = duration.matches() ? start.plus(amount(duration)) : null;
                } else {
                    at = start(matcher.group(3), new LinkedHashMap<>());
                }
            }
            if (at != null && matcher.group(1).strip().length() > 200) {
                errors.put("events", "Line " + (i + 1) + ": an event name has at most 200 characters");
                return events;
            }
            if (at == null) {
                errors.put("events", "Line " + (i + 1) + " must read like “Order Completed after 30h” (m, h or d)"
                        + " or “Order Completed at 2026-11-25T10:00”");
                return events;
            }
            if (events.size() == 100) {
                errors.put("events", "At most 100 events");
                return events;
            }
            events.add(new DryRunRequest.HypotheticalEvent(matcher.group(1).strip(), at, null));
        }
        return events;
    }

    /** A text of the journeys bundle in the reader's language. */
    private String text(String key, Object... arguments) {
        return texts.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static Duration amount(Matcher duration) {
        long amount = Long.parseLong(duration.group(1));
        return switch (duration.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
