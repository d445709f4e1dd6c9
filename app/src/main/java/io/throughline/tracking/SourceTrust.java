package io.throughline.tracking;

/**
 * How far the platform believes what a source says about who a customer is. A client-side source's write key
 * ships inside a browser page or an app, so anyone can send with it; a server-side source's key stays on the
 * brand's own servers, tills and contact-centre systems.
 */
public enum SourceTrust {
    /**
     * Browser and app write keys: events join a known customer only through a user id the brand's server signed,
     * traits add to a profile but never replace its contact points, and consent is never taken from them.
     */
    CLIENT,
    /** The brand's servers, tills and contact centre: what they state about a customer is taken as stated. */
    SERVER;

    /** Where a source of this type usually runs: web pages, apps, kiosks and chat widgets run on the shopper's side. */
    public static SourceTrust usualFor(ChannelType type) {
        return switch (type) {
            case WEB, APP, KIOSK, CHAT -> CLIENT;
            case STORE, CONTACT_CENTRE, EMAIL, SMS, PUSH, SOCIAL, SERVER -> SERVER;
        };
    }

    /** The value a stored event carries in its {@code sourceTrust} field, which the platform always sets itself. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
