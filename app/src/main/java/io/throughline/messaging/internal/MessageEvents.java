package io.throughline.messaging.internal;

/**
 * The customer events messaging appends to the log, on channel {@value #CHANNEL}, named as in Segment's
 * email and engagement specs. Their properties: {@code deliveryId}, {@code messageId}, {@code messageName},
 * {@code channel}, {@code variant}, {@code purpose}; a click adds {@code url}, a bounce {@code reason}.
 */
final class MessageEvents {

    public static final String CHANNEL = "messaging";
    public static final String SENT = "Message Sent";
    public static final String DELIVERED = "Message Delivered";
    public static final String BOUNCED = "Message Bounced";
    public static final String OPENED = "Message Opened";
    public static final String CLICKED = "Message Clicked";
    public static final String UNSUBSCRIBED = "Unsubscribed";
    /** Sent by a channel (an SMS provider's reply webhook, a chat) with the {@code deliveryId} answered. */
    public static final String REPLIED = "Message Replied";

    private MessageEvents() {}
}
