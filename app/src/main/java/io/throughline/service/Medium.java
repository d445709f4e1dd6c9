package io.throughline.service;

/** How a message travelled: the protocol, beside the channel (the source) it came through. */
public enum Medium {
    CHAT, EMAIL, PHONE, SMS, WHATSAPP, MESSENGER, INSTAGRAM, STORE
}
