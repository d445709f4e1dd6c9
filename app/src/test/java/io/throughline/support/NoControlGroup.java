package io.throughline.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every customer receives marketing during each test of a {@link PlatformTest} class so annotated: the global
 * control group (5 % by default, picked by a hash of the customer) would otherwise silence a random few of the
 * test's fresh customers. The built-in share is restored after each test, for the classes that share the platform.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NoControlGroup.Setting.class)
public @interface NoControlGroup {

    /** Sets the share through the settings API, as an administrator would. */
    final class Setting implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            share(context, "0");
        }

        @Override
        public void afterEach(ExtensionContext context) {
            share(context, "");
        }

        private static void share(ExtensionContext context, String percent) {
            int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
                    .getRequiredProperty("local.server.port"));
            var changed = new Admin(port).api().patch("/api/messaging/settings",
                    Api.json(Map.of("control-group-percent", percent)));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }
    }
}
