package io.throughline.demo.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.events.Identifier;
import io.throughline.platform.ConflictException;
import io.throughline.platform.StaffAccounts;
import io.throughline.service.BusinessCalendar;
import io.throughline.service.CallLog;
import io.throughline.service.CannedAnswers;
import io.throughline.service.ConversationStatus;
import io.throughline.service.Conversations;
import io.throughline.service.Inbound;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.Received;
import io.throughline.service.ServiceLevels;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Tokaj Cellars contact centre: its office hours with the Hungarian holidays, a target for low-priority
 * cases, two canned answers in Hungarian, and conversations of three demo customers across channels: an email
 * about an order that Ádám answered and resolved, a text asking about Sunday opening still in the queue, and a
 * call about a broken bottle noted on the thread of a customer who had written before.
 */
@Component
class DemoConversations {

    private static final Logger log = LoggerFactory.getLogger(DemoConversations.class);
    private static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");
    private static final String AGENT = "agent@tokaj-cellars.example";

    private final Conversations conversations;
    private final CannedAnswers canned;
    private final ServiceLevels levels;
    private final CustomerProfiles customers;
    private final StaffAccounts staff;
    private final Channels channels;
    private final DemoProperties properties;
    private final Clock clock;

    DemoConversations(Conversations conversations, CannedAnswers canned, ServiceLevels levels,
            CustomerProfiles customers, StaffAccounts staff, Channels channels, DemoProperties properties,
            Clock clock) {
        this.conversations = conversations;
        this.canned = canned;
        this.levels = levels;
        this.customers = customers;
        this.staff = staff;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    void load() {
        Optional<UUID> agent = staff.findByEmail(AGENT).map(account -> account.id());
        List<CustomerProfile> people = demoCustomers();
        if (agent.isEmpty() || people.size() < 3 || !conversations.ofCustomer(people.get(0).id()).isEmpty()) {
            return;
        }
        officeHours();
        cannedAnswers();
        CustomerProfile anna = people.get(0);
        CustomerProfile bence = people.get(1);
        CustomerProfile csilla = people.get(2);

        Received order = conversations.receive(new Inbound(Medium.EMAIL, channels.resolve("email"),
                List.of(new Identifier(Identifier.EMAIL, anna.email())), "demo:email:" + anna.id(),
                "Jó napot! Múlt héten rendeltem két palack Furmintot. Mikor érkezik?", null, "Hol tart a rendelésem?",
                new Inbound.EmailHeaders("<demo-" + anna.id() + "@example.com>", null, List.of(), anna.email(),
                        "help@tokaj-cellars.example"), clock.instant()));
        if (order instanceof Received.Stored stored) {
            conversations.reply(stored.conversationId(), agent.get(),
                    "Kedves " + first(anna) + "! A csomagját tegnap feladtuk, holnap délelőtt érkezik. Ádám");
            conversations.changeStatus(stored.conversationId(), ConversationStatus.RESOLVED, null, agent.get());
        }

        if (bence.phone() != null) {
            conversations.receive(new Inbound(Medium.SMS, channels.resolve("contact-centre"),
                    List.of(new Identifier(Identifier.PHONE, bence.phone())), "demo:sms:" + bence.id(),
                    "Nyitva lesztek vasárnap a budapesti boltban?", null, null, null, clock.instant()));
        }

        Received chat = conversations.receive(new Inbound(Medium.EMAIL, channels.resolve("email"),
                List.of(new Identifier(Identifier.EMAIL, csilla.email())), "demo:email:" + csilla.id(),
                "Az egyik palack törötten érkezett.", null, "Törött palack",
                new Inbound.EmailHeaders("<demo-" + csilla.id() + "@example.com>", null, List.of(), csilla.email(),
                        "help@tokaj-cellars.example"), clock.instant()));
        if (chat instanceof Received.Stored stored) {
            conversations.prioritise(stored.conversationId(), Priority.HIGH, agent.get());
        }
        conversations.logCall(csilla.id(), channels.resolve("contact-centre"), agent.get(), new CallLog(245,
                "answered", "Egy palack törötten érkezett; ma küldünk helyette újat, a törött palackot nem kell visszaküldeni."));
        log.info("Demo brand: contact-centre conversations created");
    }

    private void officeHours() {
        if (!levels.calendars().isEmpty()) {
            return;
        }
        List<BusinessCalendar.WorkingHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new BusinessCalendar.WorkingHours(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        hours.add(new BusinessCalendar.WorkingHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)));
        int year = LocalDate.now(clock.withZone(BUDAPEST)).getYear();
        List<BusinessCalendar.Holiday> holidays = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 1, 1), "Újév"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 3, 15), "Nemzeti ünnep"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 5, 1), "A munka ünnepe"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 8, 20), "Államalapítás ünnepe"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 10, 23), "Nemzeti ünnep"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 11, 1), "Mindenszentek"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 12, 24), "Szenteste"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 12, 25), "Karácsony"));
            holidays.add(new BusinessCalendar.Holiday(LocalDate.of(y, 12, 26), "Karácsony másnapja"));
        }
        var calendar = levels.saveCalendar(null, "Budapesti ügyfélszolgálat", BUDAPEST, hours, holidays);
        try {
            // Low-priority cases only: the other priorities keep the inbox's defaults around the clock.
            levels.savePolicy(null, "Alacsony prioritás, munkaidőben", Priority.LOW, null, 8 * 60, 3 * 8 * 60,
                    calendar.id());
        } catch (ConflictException createdMeanwhile) {
            // Another node loading the brand at the same moment created it first.
        }
    }

    private void cannedAnswers() {
        if (!canned.list().isEmpty()) {
            return;
        }
        try {
            canned.create("koszonjuk", "Köszönjük, hogy írt",
                    "Kedves {{firstName|Vásárlónk}}! Köszönjük, hogy írt nekünk. Hamarosan részletesen válaszolunk. "
                            + "{{agentName}}, Tokaj Cellars");
            canned.create("torott-palack", "Törött palack",
                    "Kedves {{firstName|Vásárlónk}}! Sajnáljuk, hogy a palack törötten érkezett. Még ma küldünk "
                            + "helyette újat; a törött palackot nem kell visszaküldenie. {{agentName}}");
        } catch (ConflictException createdMeanwhile) {
            // Another node loading the brand at the same moment created them first.
        }
    }

    private static String first(CustomerProfile customer) {
        return customer.givenName() == null ? "Vásárlónk" : customer.givenName();
    }

    /** Three demo customers with an email address and a phone number, as the brand's loader created them. */
    private List<CustomerProfile> demoCustomers() {
        List<CustomerProfile> found = new ArrayList<>();
        for (var generated : new DemoCustomerGenerator().generate(properties.customers(), clock.instant())) {
            if (found.size() == 3) {
                break;
            }
            if (generated.details().email() != null && generated.details().phone() != null) {
                customers.findByEmail(generated.details().email()).ifPresent(found::add);
            }
        }
        return found;
    }
}
