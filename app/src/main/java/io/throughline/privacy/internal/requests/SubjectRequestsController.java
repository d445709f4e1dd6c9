package io.throughline.privacy.internal.requests;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.SubjectRequest;
import io.throughline.privacy.SubjectRequests;
import io.throughline.privacy.SubjectRequests.NewSubjectRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Data-subject requests, worked by administrators (who act as the brand's privacy officers). */
@RestController
@RequestMapping("/api/privacy/requests")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
@Tag(name = "Privacy")
class SubjectRequestsController {

    /** A request as the API shows it: the stored request, whether it is overdue, and its trail. */
    record RequestView(SubjectRequest request, boolean overdue, List<SubjectRequest.Step> steps) {}

    /** One row of the list. */
    record RequestRow(SubjectRequest request, boolean overdue) {}

    record Verifying(@NotNull SubjectRequest.@Nullable Verification method, @Nullable @Size(max = 2000) String note) {}

    record Refusing(@NotNull SubjectRequest.@Nullable Refusal reason, @Nullable @Size(max = 2000) String note) {}

    record Completing(@Nullable @Size(max = 2000) String note) {}

    private final SubjectRequests requests;
    private final Clock clock;

    SubjectRequestsController(SubjectRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Note down a request a customer made (by email, letter, phone, in a shop or a web form); "
            + "it is due 30 days after it was received")
    ResponseEntity<RequestView> receive(@Valid @RequestBody NewSubjectRequest request, Authentication staff) {
        SubjectRequest received = requests.receive(request, CurrentStaff.id(staff));
        return ResponseEntity.created(URI.create("/api/privacy/requests/" + received.id())).body(view(received));
    }

    @GetMapping
    @Operation(summary = "Requests, open ones first with the soonest due on top, then closed ones")
    Page<RequestRow> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        Instant now = clock.instant();
        return requests.list(new PageRequest(page, size)).map(r -> new RequestRow(r, r.overdue(now)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with who worked it and when")
    RequestView get(@PathVariable UUID id) {
        return view(requests.get(id));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "Record how the requester was verified")
    RequestView verify(@PathVariable UUID id, @Valid @RequestBody Verifying verifying, Authentication staff) {
        return view(requests.verify(id, Objects.requireNonNull(verifying.method()), verifying.note(),
                CurrentStaff.id(staff)));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Note that work on a verified request has started")
    RequestView start(@PathVariable UUID id, Authentication staff) {
        return view(requests.start(id, CurrentStaff.id(staff)));
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "Refuse the request, with the reason")
    RequestView refuse(@PathVariable UUID id, @Valid @RequestBody Refusing refusing, Authentication staff) {
        return view(requests.refuse(id, Objects.requireNonNull(refusing.reason()), refusing.note(),
                CurrentStaff.id(staff)));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Do what a verified erasure, restriction or rectification request asks, and close it: "
            + "erasure runs and answers its signed receipt; restriction stops marketing to the customer; a "
            + "rectification is closed once the profile was corrected")
    RequestView complete(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Completing completing,
            Authentication staff) {
        return view(requests.complete(id, completing == null ? null : completing.note(), CurrentStaff.id(staff)));
    }

    @GetMapping(value = "/{id}/export", produces = "application/zip")
    @Operation(summary = "The customer's data as a zip of JSON and CSV per module, for an access or portability "
            + "request; downloading it completes the request")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id, Authentication staff) {
        SubjectRequest request = requests.get(id);
        UUID staffId = CurrentStaff.id(staff);
        // Checked before the body starts, so that a refusal is still answered as a problem, not a broken zip.
        RequestLifecycle.export(request);
        StreamingResponseBody body = out -> requests.export(id, out, staffId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + id + ".zip\"")
                .body(body);
    }

    private RequestView view(SubjectRequest request) {
        return new RequestView(request, request.overdue(clock.instant()), requests.steps(request.id()));
    }
}
