package io.throughline.loyalty.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.MemberPoints;
import io.throughline.loyalty.Programme;
import io.throughline.loyalty.StatementLine;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Keyset;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme and its rules, members' points and statements, staff adjustments, the expiry run and the
 * programme's liability. Reading a member's points is a read of her personal data and is audited.
 */
@RestController
@Tag(name = "Loyalty", description = "Programme and earning rules, members' points, lots and statements, "
        + "adjustments with a reason, expiry, liability")
class LoyaltyController {

    record RateRequest(@Nullable String channel, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @Positive long spendMinor, @Positive @Max(1_000_000) int points, @Min(0) long minSpendMinor) {}

    record MultiplierRequest(@NotNull EarnRules.Target target, @NotBlank @Size(max = 100) String key,
            @Min(0) @Max(1000) int percent) {}

    record ProgrammeRequest(@NotBlank @Size(max = 200) String name, @Min(1) @Max(3650) int expiryDays,
            @NotNull Map<@Pattern(regexp = "[A-Z]{3}") String, @NotNull @Positive Long> minorPerPoint,
            @NotNull @Size(max = 200) List<@Valid @NotNull RateRequest> rates,
            @Nullable @Size(max = 1000) List<@Valid @NotNull MultiplierRequest> multipliers) {}

    record AdjustmentRequest(@Min(-10_000_000) @Max(10_000_000) long points,
            @NotBlank @Size(max = 500) String reason) {}

    record Statement(List<StatementLine> items, @Nullable String next) {}

    record ExpiryRun(long expiredLots) {}

    private final LoyaltyService loyalty;
    private final ProgrammeBenefits programmes;
    private final PointsExpiry expiry;
    private final LiabilityFigures liability;
    private final Channels channels;
    private final AccessAudit audit;
    private final Clock clock;

    LoyaltyController(LoyaltyService loyalty, ProgrammeBenefits programmes, PointsExpiry expiry,
            LiabilityFigures liability, Channels channels, AccessAudit audit, Clock clock) {
        this.loyalty = loyalty;
        this.programmes = programmes;
        this.expiry = expiry;
        this.liability = liability;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/loyalty/programme")
    @PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
    @Operation(summary = "The programme: name, expiry, value of a point per currency, earning rules")
    Programme programme() {
        return loyalty.programme().orElseThrow(() -> new NotFoundException("loyalty programme", "current"));
    }

    @PutMapping("/api/loyalty/programme")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Set the programme and replace its earning rules")
    Programme saveProgramme(@Valid @RequestBody ProgrammeRequest request) {
        List<EarnRules.Rate> rates = new java.util.ArrayList<>();
        for (int i = 0; i < request.rates().size(); i++) {
            RateRequest rate = request.rates().get(i);
            String channel = null;
            if (rate.channel() != null) {
                try {
                    channel = channels.resolve(rate.channel()).key();
                } catch (InvalidRequestException unknown) {
                    throw new InvalidRequestException("rates[" + i + "].channel", unknown.reason());
                }
            }
            rates.add(new EarnRules.Rate(channel, rate.currency(), rate.spendMinor(), rate.points(),
                    rate.minSpendMinor()));
        }
        List<EarnRules.Multiplier> multipliers = request.multipliers() == null ? List.of()
                : request.multipliers().stream().map(m -> new EarnRules.Multiplier(m.target(), m.key(), m.percent()))
                        .toList();
        return programmes.saveProgramme(request.name(), request.expiryDays(), request.minorPerPoint(),
                new EarnRules(rates, multipliers));
    }

    @GetMapping("/api/loyalty/members/{profileId}")
    @PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
    @Operation(summary = "A member's points, what she owes and her lots with their expiry")
    MemberPoints member(@PathVariable UUID profileId, Authentication staff) {
        MemberPoints points = loyalty.member(profileId)
                .orElseThrow(() -> new NotFoundException("loyalty member", profileId));
        audit.record(CurrentStaff.id(staff), List.of(profileId), "loyalty:member");
        return points;
    }

    @GetMapping("/api/loyalty/members/{profileId}/statement")
    @PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
    @Operation(summary = "A member's movements of points, newest first; follow next as cursor")
    Statement statement(@PathVariable UUID profileId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int size, Authentication staff) {
        Keyset.Cursor after = cursor == null || cursor.isBlank() ? null : Keyset.Cursor.parse("cursor", cursor);
        Keyset.Slice<StatementLine> slice = loyalty.statement(profileId, after, size);
        audit.record(CurrentStaff.id(staff), List.of(profileId), "loyalty:statement");
        return new Statement(slice.items(), slice.next());
    }

    @PostMapping("/api/loyalty/members/{profileId}/adjustments")
    @PreAuthorize(StaffPermission.Rules.ADJUST_POINTS)
    @Operation(summary = "Add (positive) or take (negative) points with a reason; an Idempotency-Key header makes "
            + "a repeat do nothing")
    MemberPoints adjust(@PathVariable UUID profileId, @Valid @RequestBody AdjustmentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, Authentication staff) {
        String reference = key == null || key.isBlank() ? Ids.newId(clock).toString() : checkedKey(key);
        MemberPoints points = loyalty.adjust(profileId, request.points(), request.reason().strip(),
                CurrentStaff.id(staff), reference);
        audit.record(CurrentStaff.id(staff), List.of(profileId), "loyalty:adjust");
        return points;
    }

    @PostMapping("/api/loyalty/expiry-runs")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Expire now every lot whose time has come (the platform does it every ten minutes)")
    ExpiryRun expire() {
        return new ExpiryRun(expiry.expireDue(clock.instant()));
    }

    @GetMapping("/api/loyalty/liability")
    @PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
    @Operation(summary = "Points outstanding and their value, expiring in the next 90 days, redemption rate, "
            + "earn and burn by channel")
    LiabilityFigures.Figures liability() {
        return liability.now();
    }

    static String checkedKey(String key) {
        if (!key.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 100 letters, digits or . _ : -");
        }
        return key;
    }
}
