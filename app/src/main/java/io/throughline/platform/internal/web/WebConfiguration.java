package io.throughline.platform.internal.web;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

    /** Every string of a JSON request body is checked for NUL as it is read. */
    @Bean
    JacksonModule nulRefusingStrings() {
        return NulCharacters.module();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
