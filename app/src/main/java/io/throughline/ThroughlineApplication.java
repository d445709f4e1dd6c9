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
        stopCleanlyOnSignals();
        SpringApplication.run(ThroughlineApplication.class, args);
    }

    /**
     * Ctrl-C (SIGINT) and a service manager's stop (SIGTERM) are the normal way to stop the platform, so they
     * end it like any orderly exit: the shutdown hooks close the application and the exit status is 0. Without
     * this the JVM reports 130 or 143, which {@code ./mvnw -Pstart verify} and process supervisors read as a
     * crash ("BUILD FAILURE ... exit code 143").
     */
    @SuppressWarnings("removal")
    static void stopCleanlyOnSignals() {
        for (String signal : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> {
                    // exit blocks until the shutdown hooks have run; a second signal during them changes nothing.
                    Thread stop = new Thread(() -> System.exit(0), "stop-on-SIG" + signal);
                    stop.start();
                });
            } catch (IllegalArgumentException unsupported) {
                // A platform without the signal (or a JVM started with -Xrs) keeps the JVM's own handling.
            }
        }
    }
}
