package io.throughline.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookHostsTests {

    final WebhookHosts listed = new WebhookHosts(List.of("hooks.example.com", "*.crm.example"), false);

    @Test
    void onlyListedHostsAndSubdomainsOfAWildcardMayBeCalled() {
        assertThat(listed.refusal(URI.create("https://hooks.example.com/a"))).isEmpty();
        assertThat(listed.refusal(URI.create("https://eu.crm.example/a"))).isEmpty();
        assertThat(listed.refusal(URI.create("https://crm.example/a"))).isPresent();
        assertThat(listed.refusal(URI.create("https://hooks.example.com.evil.example/a"))).isPresent();
        assertThat(listed.refusal(URI.create("http://127.0.0.1/a"))).isPresent();
    }

    @Test
    void withNoListWebhooksAreOff() {
        assertThat(new WebhookHosts(List.of(), false).refusal(URI.create("https://hooks.example.com/a")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("webhooks are off"));
    }

    @Test
    void aListedNameResolvingInsideTheNetworkIsRefusedUnlessAllowed() throws Exception {
        for (String inside : List.of("127.0.0.1", "10.1.2.3", "192.168.0.5", "172.16.9.9", "169.254.169.254",
                "0.0.0.0", "::1", "fd00::1")) {
            assertThat(listed.refusal(new InetAddress[] {InetAddress.getByName(inside)})).as(inside).isPresent();
        }
        assertThat(listed.refusal(new InetAddress[] {InetAddress.getByName("93.184.215.14")})).isEmpty();
        assertThat(new WebhookHosts(List.of("hooks.internal"), true)
                .refusal(new InetAddress[] {InetAddress.getByName("10.1.2.3")})).isEmpty();
    }
}
