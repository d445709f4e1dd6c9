package io.throughline.platform;

import java.util.UUID;
import org.springframework.security.core.Authentication;

/** Who is acting, for audit records: the staff id behind a console session or an API token. */
public final class CurrentStaff {

    /** Implemented by the platform's signed-in principal. */
    public interface Identified {
        UUID staffId();
    }

    private CurrentStaff() {}

    public static UUID id(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Identified staff) {
            return staff.staffId();
        }
        throw new IllegalStateException("Not signed in as a member of staff");
    }
}
