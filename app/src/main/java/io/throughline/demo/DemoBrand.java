package io.throughline.demo;

import java.util.List;

/** A brand and the channels through which it meets its customers. */
public record DemoBrand(String name, List<Channel> channels) {

    /** The kinds of channel a brand runs; each becomes a source of customer events. */
    public enum ChannelType { WEB, APP, STORE, CONTACT_CENTRE }

    /** One channel instance, e.g. the shop in Debrecen. */
    public record Channel(String key, String name, ChannelType type) {}

    public static final DemoBrand TOKAJ_CELLARS = new DemoBrand("Tokaj Cellars", List.of(
            new Channel("web", "Web shop", ChannelType.WEB),
            new Channel("app", "Mobile app", ChannelType.APP),
            new Channel("shop-budapest", "Budapest shop", ChannelType.STORE),
            new Channel("shop-debrecen", "Debrecen shop", ChannelType.STORE),
            new Channel("shop-tokaj", "Tokaj shop", ChannelType.STORE),
            new Channel("contact-centre", "Contact centre", ChannelType.CONTACT_CENTRE)));
}
