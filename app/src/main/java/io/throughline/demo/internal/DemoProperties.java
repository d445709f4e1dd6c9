package io.throughline.demo.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param loadOnStart   load the demo brand at start-up; when unset, only with the embedded database
 * @param customers     how many demo customers to create
 * @param staffPassword the demo staff's shared password; generated and printed once when unset
 * @param history       whether to write the customers' event history across channels into the log
 */
@ConfigurationProperties("throughline.demo")
record DemoProperties(@Nullable Boolean loadOnStart, @DefaultValue("300") int customers,
        @Nullable String staffPassword, @DefaultValue("true") boolean history) {

    @Override
    public String toString() {
        return "DemoProperties[loadOnStart=" + loadOnStart + ", customers=" + customers + "]";
    }
}
