package io.throughline.journeys.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the journey engine, which as business logic stays free of Spring itself. */
@Configuration(proxyBeanMethods = false)
@Import(JourneyEngine.class)
class JourneysConfiguration {}
