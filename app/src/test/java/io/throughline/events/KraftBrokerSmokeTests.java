package io.throughline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class KraftBrokerSmokeTests {

    @Test
    void brokerStarts() throws Exception {
        var broker = new EmbeddedKafkaKraftBroker(1, 2, "smoke");
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            assertThat(admin.listTopics().names().get()).contains("smoke");
        } finally {
            broker.destroy();
        }
    }
}
