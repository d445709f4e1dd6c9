package io.throughline.privacy.internal.registry;

/** Whose personal data a table holds. */
public enum Subject {
    /** The brand's customers: exported and erased through the privacy module. */
    CUSTOMER,
    /** Staff members: their accounts are managed (and removed) by administrators, not by customer erasure. */
    STAFF,
    /** Nobody's: the table holds no personal data. */
    NONE
}
