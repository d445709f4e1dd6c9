package io.throughline.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.service.internal.BotIntents.Language;
import org.junit.jupiter.api.Test;

/** The bot's reading of customers' lines in Hungarian, Polish, Slovak and English. */
class BotReadingFourLanguagesTests {

    private final BotIntents intents = new BotIntents();

    @Test
    void sheAsksForAPersonInAnyOfTheFourLanguagesEvenBesideAnotherQuestion() {
        assertThat(intents.read("Can I talk to a human about order O-12?"))
                .isEqualTo(new BotIntents.Handover(Language.EN));
        assertThat(intents.read("Szeretnék egy ügyintézővel beszélni")).isEqualTo(new BotIntents.Handover(Language.HU));
        assertThat(intents.read("Chcę rozmawiać z konsultantem")).isEqualTo(new BotIntents.Handover(Language.PL));
        assertThat(intents.read("Môžem hovoriť s človekom?")).isEqualTo(new BotIntents.Handover(Language.SK));
        assertThat(intents.read("Is this personal data safe?")).as("'person' only as a whole word")
                .isNotInstanceOf(BotIntents.Handover.class);
    }

    @Test
    void orderNumbersOpeningHoursAndReturnsAreRecognisedWithTheirLanguage() {
        assertThat(intents.read("Hol tart a rendelésem? o-1042")).isEqualTo(new BotIntents.OrderStatus("O-1042",
                Language.HU));
        assertThat(intents.read("Gdzie jest moje zamówienie?")).isEqualTo(new BotIntents.OrderStatus(null,
                Language.PL));
        assertThat(intents.read("Kedy máte otvorené?")).isEqualTo(new BotIntents.OpeningHours(Language.SK));
        assertThat(intents.read("Mikor vagytok nyitva szombaton?")).isEqualTo(new BotIntents.OpeningHours(Language.HU));
        assertThat(intents.read("How do I return my order?")).isEqualTo(new BotIntents.ReturnPolicy(Language.EN));
        assertThat(intents.read("Visszaküldhetem a bort?")).isEqualTo(new BotIntents.ReturnPolicy(Language.HU));
        assertThat(intents.read("Köszönöm szépen!")).isEqualTo(new BotIntents.NotUnderstood(Language.HU));
        assertThat(intents.read("Dziękuję bardzo")).isEqualTo(new BotIntents.NotUnderstood(Language.PL));
    }
}
