package io.throughline.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.messaging.Variant;
import io.throughline.platform.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesWithFallbacksTests {

    private static final Variant.Email EMAIL = new Variant.Email("a", "Hi {{givenName}}",
            "<p>Hi {{givenName}}, {{note}}</p>", "Hi {{givenName}}, {{note}}");

    @Test
    void aMissingGivenNameFallsBackToThereAndNothingRendersAsNull() {
        var context = TemplateRenderer.context(Map.of(), Map.of(), Map.of());

        Variant.Email rendered = (Variant.Email) TemplateRenderer.render(EMAIL, context);

        assertThat(rendered.subject()).isEqualTo("Hi there");
        assertThat(rendered.text()).isEqualTo("Hi there, ");
        assertThat(rendered.html()).doesNotContain("null");
    }

    @Test
    void aMessageChoosesItsOwnFallbackAndABlankValueCountsAsMissing() {
        var context = TemplateRenderer.context(Map.of("givenName", "Kedves Vásárlónk"),
                Map.of("givenName", "  "), Map.of());

        assertThat(TemplateRenderer.render("Szia {{givenName}}!", false, context)).isEqualTo("Szia Kedves Vásárlónk!");
    }

    @Test
    void theCustomersValuesWinOverFallbacksAndTheCallersDataOverBoth() {
        var context = TemplateRenderer.context(Map.of("city", "Tokaj"), Map.of("givenName", "Anna", "city", "Eger"),
                Map.of("cart", Map.of("items", List.of(Map.of("name", "Aszú 5"), Map.of("name", "Furmint")),
                        "total", "12 990 Ft")));

        String rendered = TemplateRenderer.render(
                "{{givenName}} in {{city}}: {{#cart.items}}{{name}}; {{/cart.items}}total {{cart.total}}", false,
                context);

        assertThat(rendered).isEqualTo("Anna in Eger: Aszú 5; Furmint; total 12 990 Ft");
    }

    @Test
    void htmlFieldsEscapeWhatTheyInsertTextFieldsDoNot() {
        var context = TemplateRenderer.context(Map.of(), Map.of("givenName", "<b>Ann</b> & Co"), Map.of());

        Variant.Email rendered = (Variant.Email) TemplateRenderer.render(EMAIL, context);

        assertThat(rendered.html()).startsWith("<p>Hi &lt;b&gt;Ann&lt;/b&gt; &amp; Co,");
        assertThat(rendered.text()).startsWith("Hi <b>Ann</b> & Co,");
    }

    @Test
    void templatesCannotReachIntoObjectsByReflection() {
        var context = TemplateRenderer.context(Map.of(), Map.of("givenName", "Anna"),
                Map.of("thing", new StringBuilder("secret")));

        String rendered = TemplateRenderer.render("[{{givenName.class}}][{{givenName.bytes}}][{{thing.length}}]",
                false, context);

        assertThat(rendered).isEqualTo("[][][]");
    }

    @Test
    void brokenTemplatesAndPartialsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> VariantRules.check(List.of(new Variant.Sms("a", "ok"),
                new Variant.Sms("b", "Hi {{#cart}} never closed"))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("variants[1].text"));
        assertThatThrownBy(() -> TemplateRenderer.render("{{> footer}}", false, Map.of()))
                .hasMessageContaining("partials are not supported");
    }

    @Test
    void atMostFiveVariantsPerChannelWithDistinctKeys() {
        List<Variant> five = List.of(new Variant.Sms("a", "1"), new Variant.Sms("b", "2"), new Variant.Sms("c", "3"),
                new Variant.Sms("d", "4"), new Variant.Sms("e", "5"), new Variant.Task("a", "t", "b"));
        VariantRules.check(five);

        assertThatThrownBy(() -> VariantRules.check(
                java.util.stream.Stream.concat(five.stream(), java.util.stream.Stream.of(new Variant.Sms("f", "6")))
                        .toList()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("variants[6]"));
        assertThatThrownBy(() -> VariantRules.check(List.of(new Variant.Sms("a", "1"), new Variant.Sms("a", "2"))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("variants[1].key"));
    }
}
