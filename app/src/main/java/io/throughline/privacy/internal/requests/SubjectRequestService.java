package io.throughline.privacy.internal.requests;

import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.SubjectRequest;
import io.throughline.privacy.SubjectRequest.State;
import io.throughline.privacy.SubjectRequests;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The requests' use cases: each move checked by {@link RequestLifecycle}, written with who made it. */
@Service
class SubjectRequestService implements SubjectRequests {

    private final JdbcSubjectRequests store;
    private final PersonalDataCalls personalData;
    private final AccessAudit audit;
    private final Clock clock;

    SubjectRequestService(JdbcSubjectRequests store, PersonalDataCalls personalData, AccessAudit audit,
            Clock clock) {
        this.store = store;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SubjectRequest receive(NewSubjectRequest request, UUID staffId) {
        Instant now = clock.instant();
        Instant receivedAt = Objects.requireNonNullElse(request.receivedAt(), now);
        if (receivedAt.isAfter(now)) {
            throw new InvalidRequestException("receivedAt", "must not be in the future");
        }
        SubjectRequest received = new SubjectRequest(Ids.newId(clock), Objects.requireNonNull(request.kind()),
                State.RECEIVED, Objects.requireNonNull(request.profileId()),
                Objects.requireNonNull(request.receivedVia()), receivedAt,
                receivedAt.plus(SubjectRequest.ANSWER_WITHIN), blankToNull(request.details()), null, null, null,
                null, null, null, now);
        store.insert(received, staffId);
        return received;
    }

    @Override
    public SubjectRequest get(UUID id) {
        return store.get(id);
    }

    @Override
    public Page<SubjectRequest> list(PageRequest page) {
        return store.list(page);
    }

    @Override
    public List<SubjectRequest> forProfile(UUID profileId) {
        return store.forProfile(profileId);
    }

    @Override
    public List<SubjectRequest.Step> steps(UUID id) {
        store.get(id);
        return store.steps(id);
    }

    @Override
    @Transactional
    public SubjectRequest verify(UUID id, SubjectRequest.Verification how, @Nullable String note, UUID staffId) {
        SubjectRequest request = store.lock(id);
        RequestLifecycle.verify(request);
        return moved(request, State.VERIFIED, how, blankToNull(note), null, request.outcomeNote(), null, staffId,
                blankToNull(note));
    }

    @Override
    @Transactional
    public SubjectRequest start(UUID id, UUID staffId) {
        SubjectRequest request = store.lock(id);
        RequestLifecycle.start(request);
        return moved(request, State.IN_PROGRESS, request.verification(), request.verificationNote(), null, null,
                null, staffId, null);
    }

    @Override
    @Transactional
    public SubjectRequest refuse(UUID id, SubjectRequest.Refusal why, @Nullable String note, UUID staffId) {
        SubjectRequest request = store.lock(id);
        RequestLifecycle.refuse(request);
        return moved(request, State.REFUSED, request.verification(), request.verificationNote(), why,
                blankToNull(note), null, staffId, why.name() + (blankToNull(note) == null ? "" : ": " + note));
    }

    @Override
    @Transactional
    public SubjectRequest complete(UUID id, @Nullable String note, UUID staffId) {
        SubjectRequest request = store.lock(id);
        RequestLifecycle.complete(request);
        @Nullable String receipt = null;
        switch (request.kind()) {
            case ERASURE -> receipt = personalData.erase(request.profileId(), "subject-request:" + request.id());
            case RESTRICTION -> store.restrict(request.profileId(), request.id(), clock.instant(), staffId);
            case RECTIFICATION, ACCESS, PORTABILITY -> {
                // A rectification's corrections are made on the profile by staff before they complete it.
            }
        }
        return moved(request, State.COMPLETED, request.verification(), request.verificationNote(), null,
                blankToNull(note), receipt, staffId, blankToNull(note));
    }

    @Override
    @Transactional
    public void export(UUID id, OutputStream zip, UUID staffId) {
        SubjectRequest request = store.lock(id);
        RequestLifecycle.export(request);
        personalData.export(request.profileId(), zip);
        audit.record(staffId, List.of(request.profileId()), "subject-request:export");
        moved(request, State.COMPLETED, request.verification(), request.verificationNote(), null,
                "export downloaded", null, staffId, "export downloaded");
    }

    @Override
    public boolean restricted(UUID profileId) {
        return store.restricted(profileId);
    }

    private SubjectRequest moved(SubjectRequest request, State state, SubjectRequest.@Nullable Verification how,
            @Nullable String verificationNote, SubjectRequest.@Nullable Refusal refusal,
            @Nullable String outcomeNote, @Nullable String receipt, UUID staffId, @Nullable String stepNote) {
        Instant now = clock.instant();
        SubjectRequest moved = new SubjectRequest(request.id(), request.kind(), state, request.profileId(),
                request.receivedVia(), request.receivedAt(), request.dueAt(), request.details(), how,
                verificationNote, refusal, outcomeNote, receipt, state.open() ? null : now, now);
        store.move(moved, staffId, stepNote);
        return moved;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
