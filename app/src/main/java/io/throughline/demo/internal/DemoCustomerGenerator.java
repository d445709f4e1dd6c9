package io.throughline.demo.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.throughline.customers.CustomerDetails;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Makes believable Hungarian, Polish and Slovak customers. Seeded, so every install has the same demo
 * customers and a support question about "Eszter Kovács" means the same person everywhere. Emails use the
 * reserved example domains, so no real mailbox is ever written to.
 */
final class DemoCustomerGenerator {

    /** A generated customer and the day she first bought from the brand. */
    record DemoCustomer(CustomerDetails details, Instant customerSince) {}

    private record Nation(String region, String dialCode, List<String> mobilePrefixes, int subscriberDigits,
            List<String> women, List<String> men, List<String> familyNames, List<String> womenFamilyNames) {}

    private static final Nation HUNGARY = new Nation("HU", "+36", List.of("20", "30", "70"), 7,
            List.of("Eszter", "Katalin", "Anna", "Zsófia", "Réka", "Judit", "Ildikó", "Orsolya", "Noémi", "Boglárka",
                    "Dóra", "Enikő", "Krisztina", "Lilla", "Tímea", "Viktória", "Ágnes", "Erzsébet", "Hajnalka", "Csilla"),
            List.of("Bence", "Gábor", "László", "Péter", "Zoltán", "Ádám", "Balázs", "Márton", "Levente", "Tamás",
                    "Gergely", "Dávid", "Attila", "István", "Csaba", "Zsolt", "Norbert", "Áron", "Botond", "Kristóf"),
            List.of("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas",
                    "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Mészáros", "Oláh", "Simon", "Rácz", "Fekete",
                    "Szűcs", "Bíró", "Fülöp", "Vörös", "Győri"),
            List.of());

    private static final Nation POLAND = new Nation("PL", "+48", List.of("50", "51", "53", "60", "66", "69", "72", "79"),
            7,
            List.of("Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Małgorzata", "Zofia", "Aleksandra", "Ewa",
                    "Monika", "Natalia", "Weronika", "Dorota"),
            List.of("Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Jakub", "Łukasz", "Marcin", "Wojciech",
                    "Grzegorz", "Bartosz", "Mateusz"),
            List.of("Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król",
                    "Wieczorek", "Jabłoński", "Wróbel", "Kowalski", "Lewandowski", "Zieliński", "Szymański"),
            List.of("Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król",
                    "Wieczorek", "Jabłońska", "Wróbel", "Kowalska", "Lewandowska", "Zielińska", "Szymańska"));

    private static final Nation SLOVAKIA = new Nation("SK", "+421", List.of("90", "91", "94", "95"), 7,
            List.of("Zuzana", "Jana", "Mária", "Lucia", "Katarína", "Veronika", "Martina", "Ivana", "Simona",
                    "Petra", "Lenka", "Barbora"),
            List.of("Peter", "Martin", "Jozef", "Ján", "Tomáš", "Michal", "Marek", "Lukáš", "Juraj", "Matej",
                    "Miroslav", "Ondrej"),
            List.of("Horváth", "Kováč", "Varga", "Tóth", "Nagy", "Baláž", "Szabó", "Molnár", "Lukáč", "Novák",
                    "Kollár", "Németh"),
            List.of("Horváthová", "Kováčová", "Vargová", "Tóthová", "Nagyová", "Balážová", "Szabóová", "Molnárová",
                    "Lukáčová", "Nováková", "Kollárová", "Némethová"));

    private static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.net", "example.org");
    private static final Duration HISTORY = Duration.ofDays(730);

    private final Random random = new Random(1959L);
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final Set<String> emails = new HashSet<>();

    List<DemoCustomer> generate(int count, Instant now) {
        List<DemoCustomer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Mostly Hungarian, as a Tokaj winery's customers would be, with its northern neighbours.
            int draw = random.nextInt(100);
            Nation nation = draw < 70 ? HUNGARY : draw < 85 ? POLAND : SLOVAKIA;
            customers.add(customer(nation, now));
        }
        return customers;
    }

    private DemoCustomer customer(Nation nation, Instant now) {
        boolean woman = random.nextBoolean();
        String given = pick(woman ? nation.women() : nation.men());
        // The family-name lists run in parallel: Kowalski and Kowalska share an index.
        int familyIndex = random.nextInt(nation.familyNames().size());
        String family = woman && !nation.womenFamilyNames().isEmpty()
                ? nation.womenFamilyNames().get(familyIndex) : nation.familyNames().get(familyIndex);
        String email = random.nextInt(10) == 0 ? null : uniqueEmail(given, family);
        String phone = random.nextInt(8) == 0 && email != null ? null : phone(nation);
        Instant since = now.minus(Duration.ofMinutes((long) (random.nextDouble() * HISTORY.toMinutes())));
        return new DemoCustomer(new CustomerDetails(given, family, email, phone), since);
    }

    private String uniqueEmail(String given, String family) {
        String local = ascii(given) + "." + ascii(family);
        String domain = pick(EMAIL_DOMAINS);
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }

    private String phone(Nation nation) {
        while (true) {
            StringBuilder number = new StringBuilder(nation.dialCode()).append(pick(nation.mobilePrefixes()));
            for (int i = 0; i < nation.subscriberDigits(); i++) {
                number.append(random.nextInt(10));
            }
            try {
                if (phones.isValidNumber(phones.parse(number.toString(), nation.region()))) {
                    return number.toString();
                }
            } catch (NumberParseException impossible) {
                // Numbers are built from valid prefixes; try again with other digits.
            }
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** "Szűcs" becomes "szucs", "Łukasz" becomes "lukasz": what people type into email addresses. */
    private static String ascii(String name) {
        String decomposed = Normalizer.normalize(name.replace("ł", "l").replace("Ł", "L"), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
