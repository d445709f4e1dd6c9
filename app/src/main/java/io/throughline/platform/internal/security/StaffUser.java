package io.throughline.platform.internal.security;

import io.throughline.platform.CurrentStaff;
import io.throughline.platform.StaffRole;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in member of staff, whether by the console's session or by an API token. */
public class StaffUser extends User implements CurrentStaff.Identified {

    private final UUID staffId;
    private final StaffRole role;

    StaffUser(UUID staffId, String email, String passwordHash, StaffRole role, boolean enabled) {
        super(email, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(role.authority())));
        this.staffId = staffId;
        this.role = role;
    }

    @Override
    public UUID staffId() {
        return staffId;
    }

    public StaffRole role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser user && user.staffId.equals(staffId);
    }

    @Override
    public int hashCode() {
        return staffId.hashCode();
    }
}
