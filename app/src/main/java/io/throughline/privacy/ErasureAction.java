package io.throughline.privacy;

/** What erasure does to the rows of one table that lead to the person. */
public enum ErasureAction {
    /** The rows are deleted. */
    DELETE,
    /** The rows stay, their personal columns are overwritten (or cleared) and the person cannot be found from them. */
    ANONYMISE,
    /** The rows stay as they are, for a legal basis and a period the registry names. */
    KEEP
}
