package io.throughline.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Tokaj Cellars range: about three hundred wines from its vineyards and a shelf of accessories, the same
 * list every time, so that the demo catalogue, stock and price lists agree on their SKUs.
 */
final class DemoProducts {

    /**
     * One product with one variant. {@code categoryPath} is slash-separated from the root
     * ("Wines/Tokaji/Aszú"); {@code priceHuf} is the shelf price in whole forints, before any promotion.
     */
    record DemoProduct(String sku, String gtin, String name, String categoryPath, String description,
            int bottleMl, long priceHuf) {}

    private record Style(String code, String name, String categoryPath, int bottleMl, long basePriceHuf,
            int[] vintages) {}

    private record Vineyard(String code, String name, int pricePercent) {}

    private static final List<Vineyard> VINEYARDS = List.of(
            new Vineyard("SZARVAS", "Szarvas", 130), new Vineyard("MEZESMALY", "Mézes Mály", 125),
            new Vineyard("BETSEK", "Betsek", 115), new Vineyard("URAGYA", "Úrágya", 120),
            new Vineyard("NYULASZO", "Nyulászó", 110), new Vineyard("KIRALY", "Király", 118),
            new Vineyard("SZENTTAMAS", "Szent Tamás", 122), new Vineyard("HETSZOLO", "Hétszőlő", 105),
            new Vineyard("LAPIS", "Lapis", 100), new Vineyard("KAPI", "Kapi", 95),
            new Vineyard("DISZNOKO", "Disznókő-dűlő", 108), new Vineyard("PETRACS", "Petrács", 112),
            new Vineyard("BOMBOLY", "Bomboly", 102), new Vineyard("DERESZLA", "Dereszla", 98));

    private static final List<Style> STYLES = List.of(
            new Style("ASZ5", "Tokaji Aszú 5 puttonyos", "Wines/Tokaji/Aszú", 500, 11_990, new int[] {2013, 2017}),
            new Style("ASZ6", "Tokaji Aszú 6 puttonyos", "Wines/Tokaji/Aszú", 500, 16_990, new int[] {2013, 2016, 2017}),
            new Style("SZAMED", "Tokaji Szamorodni édes", "Wines/Tokaji/Szamorodni", 500, 6_490, new int[] {2018, 2019}),
            new Style("SZAMSZ", "Tokaji Szamorodni száraz", "Wines/Tokaji/Szamorodni", 750, 5_490, new int[] {2019}),
            new Style("FURM", "Tokaji Furmint", "Wines/White/Furmint", 750, 3_990, new int[] {2021, 2022, 2023}),
            new Style("HARS", "Tokaji Hárslevelű", "Wines/White/Hárslevelű", 750, 3_690, new int[] {2022, 2023}),
            new Style("MUSK", "Tokaji Sárgamuskotály", "Wines/White/Sárgamuskotály", 750, 3_490, new int[] {2023}),
            new Style("KESOI", "Tokaji Késői szüretelésű Cuvée", "Wines/Sweet", 500, 4_990, new int[] {2020, 2021}),
            new Style("PEZS", "Tokaji Pezsgő Brut", "Wines/Sparkling", 750, 6_990, new int[] {2019}),
            new Style("FORD", "Tokaji Fordítás", "Wines/Tokaji/Fordítás", 500, 8_990, new int[] {2017}),
            new Style("ESZ", "Tokaji Eszencia", "Wines/Tokaji/Eszencia", 375, 59_990, new int[] {2008}),
            new Style("MASLAS", "Tokaji Máslás", "Wines/Tokaji/Máslás", 500, 7_490, new int[] {2018}));

    private record Accessory(String code, String name, String categoryPath, long priceHuf) {}

    private static final List<Accessory> ACCESSORIES = List.of(
            new Accessory("CORKSCREW", "Pincér dugóhúzó", "Accessories/Tools", 2_990),
            new Accessory("CORKSCREW-LEVER", "Karos dugóhúzó", "Accessories/Tools", 8_990),
            new Accessory("STOPPER", "Pezsgőzáró", "Accessories/Tools", 1_490),
            new Accessory("POURER", "Kiöntő csőr", "Accessories/Tools", 990),
            new Accessory("THERMOMETER", "Borhőmérő", "Accessories/Tools", 2_490),
            new Accessory("GLASS-ASZU-2", "Aszús pohár, 2 db", "Accessories/Glasses", 5_990),
            new Accessory("GLASS-ASZU-6", "Aszús pohár, 6 db", "Accessories/Glasses", 15_990),
            new Accessory("GLASS-WHITE-6", "Fehérboros pohár, 6 db", "Accessories/Glasses", 12_990),
            new Accessory("GLASS-RED-6", "Vörösboros pohár, 6 db", "Accessories/Glasses", 12_990),
            new Accessory("GLASS-FLUTE-6", "Pezsgős pohár, 6 db", "Accessories/Glasses", 11_990),
            new Accessory("DECANTER", "Dekantáló, kézzel fújt", "Accessories/Serving", 14_990),
            new Accessory("COOLER-BAG", "Borhűtő táska", "Accessories/Serving", 3_990),
            new Accessory("ICE-BUCKET", "Jégveder", "Accessories/Serving", 6_990),
            new Accessory("GIFTBOX-1", "Díszdoboz, 1 palack", "Accessories/Gift", 1_990),
            new Accessory("GIFTBOX-3", "Díszdoboz, 3 palack", "Accessories/Gift", 3_990),
            new Accessory("WOODBOX-2", "Fa díszláda, 2 palack", "Accessories/Gift", 6_490),
            new Accessory("BOOK-TOKAJ", "Tokaj borvidék könyv", "Accessories/Books", 7_990),
            new Accessory("TASTING-TICKET", "Kóstolójegy a tokaji pincébe", "Experiences", 9_990),
            new Accessory("MAP-TOKAJ", "Tokaji dűlőtérkép, poszter", "Accessories/Books", 3_490),
            new Accessory("APRON", "Pincemester kötény", "Accessories/Gift", 4_990));

    private DemoProducts() {}

    static List<DemoProduct> all() {
        List<DemoProduct> products = new ArrayList<>();
        int sequence = 0;
        for (Vineyard vineyard : VINEYARDS) {
            for (Style style : STYLES) {
                for (int vintage : style.vintages()) {
                    long price = roundToNinety(style.basePriceHuf() * vineyard.pricePercent() / 100
                            + (2024 - vintage) * style.basePriceHuf() / 40);
                    products.add(new DemoProduct(
                            "TK-" + style.code() + "-" + vineyard.code() + "-" + vintage, gtin(++sequence),
                            style.name() + " " + vineyard.name() + " " + vintage, style.categoryPath(),
                            style.name() + " from the " + vineyard.name() + " vineyard, vintage " + vintage + ".",
                            style.bottleMl(), price));
                }
            }
        }
        for (Accessory accessory : ACCESSORIES) {
            products.add(new DemoProduct("ACC-" + accessory.code(), gtin(++sequence), accessory.name(),
                    accessory.categoryPath(), accessory.name() + ".", 0, accessory.priceHuf()));
        }
        return List.copyOf(products);
    }

    /** Shelf prices end in 90: 4 613 becomes 4 690. */
    private static long roundToNinety(long price) {
        return price / 100 * 100 + 90;
    }

    /** An EAN-13 with the Hungarian prefix 599 and a valid check digit. */
    static String gtin(int sequence) {
        String body = "599" + String.format(Locale.ROOT, "%09d", 100_000 + sequence);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
