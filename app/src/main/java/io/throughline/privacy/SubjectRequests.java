package io.throughline.privacy;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Working data-subject requests: received, verified, in progress, then completed or refused, each move made by
 * a member of staff and kept. Completing does what the request asks: an export for access and portability, the
 * erasure, the restriction; a rectification is completed once staff have corrected the profile.
 */
public interface SubjectRequests {

    /**
     * A request as staff note it down. {@code receivedAt} defaults to now; a request that arrived by letter last
     * week keeps its own date, since its 30 days started then.
     */
    record NewSubjectRequest(@NotNull SubjectRequest.@Nullable Kind kind, @NotNull @Nullable UUID profileId,
            @NotNull SubjectRequest.@Nullable ReceivedVia receivedVia, @Nullable Instant receivedAt,
            @Nullable @Size(max = 2000) String details) {}

    SubjectRequest receive(NewSubjectRequest request, UUID staffId);

    SubjectRequest get(UUID id);

    /** Open requests first, the soonest due on top; then closed ones, the latest closed first. */
    Page<SubjectRequest> list(PageRequest page);

    /** Every request about the profile, newest first. */
    List<SubjectRequest> forProfile(UUID profileId);

    List<SubjectRequest.Step> steps(UUID id);

    SubjectRequest verify(UUID id, SubjectRequest.Verification how, @Nullable String note, UUID staffId);

    /** Notes that staff have started on a verified request (e.g. gathering a rectification's corrections). */
    SubjectRequest start(UUID id, UUID staffId);

    SubjectRequest refuse(UUID id, SubjectRequest.Refusal why, @Nullable String note, UUID staffId);

    /**
     * Completes a verified erasure, restriction or rectification request by doing what it asks; access and
     * portability requests are completed by {@link #export}.
     */
    SubjectRequest complete(UUID id, @Nullable String note, UUID staffId);

    /**
     * Writes the customer's data as a zip (JSON and CSV per module) for an access or portability request, and
     * completes the request once the whole zip is written. The read is audited.
     */
    void export(UUID id, OutputStream zip, UUID staffId);

    /** Whether the profile's processing is restricted: no marketing may reach her. */
    boolean restricted(UUID profileId);
}
