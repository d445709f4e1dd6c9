package io.throughline.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTests {

    final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10"));

    @Test
    void aClientConnectingDirectlyCannotChooseItsAddress() {
        assertThat(behindProxies.of("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(new ClientAddress(List.of()).of("127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        assertThat(behindProxies.of("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindProxies.of("192.0.2.10", "1.2.3.4, 198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
    }

    @Test
    void whatTheClientWroteLeftOfTheProxiesIsIgnored() {
        assertThat(behindProxies.of("10.1.2.3", "6.6.6.6, 198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void somethingThatIsNotAnAddressIsNotBelieved() {
        assertThat(behindProxies.of("10.1.2.3", "evil.example")).isEqualTo("10.1.2.3");
        assertThat(behindProxies.of("10.1.2.3", "")).isEqualTo("10.1.2.3");
    }
}
