package io.throughline.tracking;

/** The kinds of channel through which a brand meets its customers. */
public enum ChannelType {
    WEB, APP, STORE, CONTACT_CENTRE, EMAIL, SMS, PUSH, CHAT, SOCIAL, KIOSK, SERVER
}
