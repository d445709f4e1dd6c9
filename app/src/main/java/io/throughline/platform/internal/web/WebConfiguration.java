package io.throughline.platform.internal.web;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Ahead of security, so that refusals carry a request id too. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Outermost, so that a client's going away is caught wherever the request was when it noticed. */
    @Bean
    FilterRegistrationBean<DisconnectedClientFilter> disconnectedClientFilter() {
        var registration = new FilterRegistrationBean<>(new DisconnectedClientFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE - 1);
        return registration;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
