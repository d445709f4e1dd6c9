package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The brand's calendar: analytics' own zone when one is set, else the console's (the zone staff read dates in), else
 * UTC. The rollups keep each touch on its day in this zone; touches kept before a change of zone stay on the days they
 * were counted in.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsCalendarConfiguration {

    @Bean
    BrandCalendar brandCalendar(
            @Value("${throughline.analytics.time-zone:${throughline.console.time-zone:UTC}}") ZoneId zone) {
        return new BrandCalendar(zone);
    }
}
