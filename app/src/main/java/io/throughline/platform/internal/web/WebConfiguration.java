package io.throughline.platform.internal.web;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Ahead of security, so that refusals carry a request id too. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the request id, ahead of security: a NUL character is refused whoever sends it. */
    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new NulCharacterFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Outermost, so that a client's going away is caught wherever the request was when it noticed. */
    @Bean
    FilterRegistrationBean<DisconnectedClientFilter> disconnectedClientFilter() {
        var registration = new FilterRegistrationBean<>(new DisconnectedClientFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE - 1);
        return registration;
    }

    /** Every string of a JSON request body is checked for NUL as it is read. */
    @Bean
    JacksonModule nulRefusingStrings() {
        return NulCharacters.module();
    }

    /**
     * A fraction where a whole number is expected (1.5 bottles) is the caller's mistake; Jackson would cut it to 1
     * without a word, so it is refused instead.
     */
    @Bean
    JsonMapperBuilderCustomizer wholeNumbersStayWhole() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
