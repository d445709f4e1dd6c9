package io.throughline.privacy.internal.requests;

import io.throughline.platform.ConflictException;
import io.throughline.privacy.SubjectRequest;
import io.throughline.privacy.SubjectRequest.Kind;
import io.throughline.privacy.SubjectRequest.State;

/**
 * Which moves a request may make. Nothing is done for a requester who has not been verified, so completing
 * needs a verified request; a closed request stays closed, so that its outcome is never rewritten.
 */
final class RequestLifecycle {

    private RequestLifecycle() {}

    static void verify(SubjectRequest request) {
        if (request.state() != State.RECEIVED) {
            throw new ConflictException("state", "only a received request can be verified; this one is "
                    + label(request.state()));
        }
    }

    static void start(SubjectRequest request) {
        if (request.state() != State.VERIFIED) {
            throw new ConflictException("state", "only a verified request can be started; this one is "
                    + label(request.state()));
        }
    }

    static void refuse(SubjectRequest request) {
        if (!request.state().open()) {
            throw new ConflictException("state", "the request is already " + label(request.state()));
        }
    }

    /** Completing by {@link io.throughline.privacy.SubjectRequests#complete}: not for access and portability. */
    static void complete(SubjectRequest request) {
        if (request.kind() == Kind.ACCESS || request.kind() == Kind.PORTABILITY) {
            throw new ConflictException("kind", "an access or portability request is completed by downloading "
                    + "its export");
        }
        mayFulfil(request);
    }

    static void export(SubjectRequest request) {
        if (request.kind() != Kind.ACCESS && request.kind() != Kind.PORTABILITY) {
            throw new ConflictException("kind", "only access and portability requests have an export");
        }
        mayFulfil(request);
    }

    private static void mayFulfil(SubjectRequest request) {
        if (request.state() == State.RECEIVED) {
            throw new ConflictException("state", "verify the requester before acting on the request");
        }
        if (!request.state().open()) {
            throw new ConflictException("state", "the request is already " + label(request.state()));
        }
    }

    private static String label(State state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
