package io.throughline.platform;

/** What a member of staff may do. Each role is also a Spring Security authority {@code ROLE_<name>}. */
public enum StaffRole {
    ADMIN,
    MARKETER,
    AGENT,
    STORE_ASSOCIATE,
    ANALYST;

    public String authority() {
        return "ROLE_" + name();
    }
}
