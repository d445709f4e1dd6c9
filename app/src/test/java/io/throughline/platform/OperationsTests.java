package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class OperationsTests {

    @LocalServerPort
    int port;

    @Test
    void readinessIsPublicAndIncludesTheDatabase() {
        var readiness = Api.at(port).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        var asAdmin = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN).get("/actuator/health/readiness");
        assertThat(asAdmin.body()).contains("\"db\"");
    }

    @Test
    void livenessIsPublic() {
        assertThat(Api.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedAnAdminToken() {
        assertThat(Api.at(port).get("/actuator/prometheus").status()).isEqualTo(401);

        var metrics = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var generated = Api.at(port).get("/actuator/health");
        var echoed = Api.at(port).send(Api.at(port).request("/actuator/health").header("X-Request-Id", "till-7-0042"));
        var unsafe = Api.at(port).send(Api.at(port).request("/actuator/health")
                .header("X-Request-Id", "evil\tline"));

        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(echoed.header("X-Request-Id")).isEqualTo("till-7-0042");
        assertThat(unsafe.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void openApiDescribesTheManagementApi() {
        // The first description is generated from every controller of every module: slow on a busy machine.
        var docs = Api.at(port).send(Api.at(port).request("/v3/api-docs").timeout(java.time.Duration.ofMinutes(3)));

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/customers")).isTrue();
        assertThat(docs.json().get("paths").has("/api/staff")).isTrue();
        assertThat(Api.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
