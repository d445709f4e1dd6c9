package io.throughline.loyalty.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Problems;
import io.throughline.platform.StaffPermission;
import io.throughline.tracking.Channels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The till's earn and burn: {@code POST /api/loyalty/till/baskets?channel=shop-budapest} with the till's own
 * {@code Idempotency-Key} and the sale's local time. A refused burn is a 409 problem the till can show, the same
 * for every retry of the key.
 */
@RestController
@Tag(name = "Loyalty at the till", description = "Earn and burn points for a basket by the till's idempotency key")
class PointsAtTheTillController {

    record LineRequest(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(10_000) int quantity,
            @Min(0) long paidMinor) {}

    record BasketRequest(@NotNull UUID profileId, @NotNull OffsetDateTime localTime,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull @Size(max = 500) List<@Valid @NotNull LineRequest> lines,
            @Min(0) @Max(100_000_000) long burnPoints) {}

    record BasketAnswer(long earned, long redeemed, long balance, boolean repeated) {}

    private final TillSyncs tills;
    private final Channels channels;

    PointsAtTheTillController(TillSyncs tills, Channels channels) {
        this.tills = tills;
        this.channels = channels;
    }

    @PostMapping("/api/loyalty/till/baskets")
    @PreAuthorize(StaffPermission.Rules.SELL_AT_TILL)
    @Operation(summary = "Earn on a basket and spend points in it, once per Idempotency-Key; a repeat answers the "
            + "first outcome, the key with another basket is a 409, a burn above the points is a 409")
    ResponseEntity<?> basket(@Valid @RequestBody BasketRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable String channel) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException("Idempotency-Key", "is required: the till's own key for this basket");
        }
        String till = channels.resolve(channel == null ? "" : channel).key();
        TillSyncs.Outcome outcome = tills.sync(till, LoyaltyController.checkedKey(key),
                new TillSyncs.Basket(request.profileId(), request.localTime().toInstant(), request.currency(),
                        request.lines().stream().map(line -> new TillSyncs.Basket.Line(line.sku(), line.quantity(),
                                line.paidMinor())).toList(), request.burnPoints()));
        if (outcome.refusal() != null) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "points-refused", "Not enough points",
                    "The member has " + Math.max(0, outcome.balance()) + " points; the basket spends "
                            + request.burnPoints() + ". Take the difference in another tender.");
            Problems.withErrors(problem, List.of(new Problems.FieldError("burnPoints", "more than the member has")));
            problem.setProperty("balance", Math.max(0, outcome.balance()));
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(new BasketAnswer(outcome.earned(), outcome.redeemed(), outcome.balance(),
                outcome.repeated()));
    }
}
