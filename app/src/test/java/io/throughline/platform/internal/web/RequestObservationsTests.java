package io.throughline.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestObservationsTests {

    private final RequestObservations observations = new RequestObservations();

    @Test
    void machineFacingRequestsAreNotObservedByDefaultButTheConsoleAndActuatorAre() {
        ObservationPredicate observed = observations.machineRequestsUnobserved(new RequestObservations.Settings(false));

        assertThat(observed.test("http.server.requests", request("/api/customers"))).isFalse();
        assertThat(observed.test("http.server.requests", request("/v1/batch"))).isFalse();
        assertThat(observed.test("http.server.requests", request("/customers/42"))).isTrue();
        assertThat(observed.test("http.server.requests", request("/actuator/prometheus"))).isTrue();
    }

    @Test
    void operatorsCanTurnMachineFacingRequestObservationsBackOn() {
        ObservationPredicate observed = observations.machineRequestsUnobserved(new RequestObservations.Settings(true));

        assertThat(observed.test("http.server.requests", request("/api/customers"))).isTrue();
        assertThat(observed.test("http.server.requests", request("/v1/batch"))).isTrue();
    }

    @Test
    void theBenchmarksBareDoorIsNeverObserved() {
        ObservationPredicate observed = observations.machineRequestsUnobserved(new RequestObservations.Settings(true));

        assertThat(observed.test("http.server.requests", request(BenchPingController.BARE))).isFalse();
    }

    @Test
    void otherObservationsAreLeftAlone() {
        ObservationPredicate observed = observations.machineRequestsUnobserved(new RequestObservations.Settings(false));

        assertThat(observed.test("throughline.events.commit", request("/api/customers"))).isTrue();
    }

    @Test
    void springSecurityObservesNothingUnlessTurnedOn() {
        var off = observations.securityObservations(new RequestObservations.Settings(false));
        var on = observations.securityObservations(new RequestObservations.Settings(true));

        assertThat(off.shouldObserveRequests() || off.shouldObserveAuthentications()
                || off.shouldObserveAuthorizations()).isFalse();
        assertThat(on.shouldObserveRequests() && on.shouldObserveAuthentications()
                && on.shouldObserveAuthorizations()).isTrue();
    }

    private static ServerRequestObservationContext request(String path) {
        return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
                new MockHttpServletResponse());
    }
}
