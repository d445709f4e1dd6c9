package io.throughline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The single deployable: every module of Throughline in one Spring Boot application. */
@Modulithic(systemName = "Throughline", sharedModules = "platform")
@EnableScheduling
@SpringBootApplication
@ConfigurationPropertiesScan
public class ThroughlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThroughlineApplication.class, args);
    }
}
