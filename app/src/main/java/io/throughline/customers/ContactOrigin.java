package io.throughline.customers;

/** Where a profile's email address or phone number came from. */
public enum ContactOrigin {
    /** Typed by a member of staff in the console or sent through the management API. */
    STAFF,
    /** Brought in with the customer's record from another system (an import, the demo brand). */
    IMPORT,
    /** Stated in an identify call of a server-side source: the brand's servers, a till, the contact centre. */
    SERVER_SOURCE,
    /** Stated in an identify call of a client-side source: a browser or an app, which anyone can imitate. */
    CLIENT_SOURCE,
    /** Taken over from a profile merged into this one. */
    MERGE
}
