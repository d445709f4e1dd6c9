package io.throughline.demo;

import io.throughline.tracking.ChannelType;
import java.util.List;

/** A brand and the channels through which it meets its customers; each channel is a source of events. */
public record DemoBrand(String name, List<Channel> channels) {

    /** One channel instance, e.g. the shop in Debrecen. */
    public record Channel(String key, String name, ChannelType type) {}

    public static final DemoBrand TOKAJ_CELLARS = new DemoBrand("Tokaj Cellars", List.of(
            new Channel("web", "Web shop", ChannelType.WEB),
            new Channel("app", "Mobile app", ChannelType.APP),
            new Channel("shop-budapest", "Budapest shop till", ChannelType.STORE),
            new Channel("shop-debrecen", "Debrecen shop till", ChannelType.STORE),
            new Channel("shop-tokaj", "Tokaj shop till", ChannelType.STORE),
            new Channel("contact-centre", "Contact centre", ChannelType.CONTACT_CENTRE),
            new Channel("email", "Email", ChannelType.EMAIL)));
}
