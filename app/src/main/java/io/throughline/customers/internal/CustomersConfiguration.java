package io.throughline.customers.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

    @Bean
    ContactPolicy contactPolicy(@Value("${throughline.customers.default-phone-region:HU}") String defaultRegion) {
        return new ContactPolicy(defaultRegion);
    }
}
