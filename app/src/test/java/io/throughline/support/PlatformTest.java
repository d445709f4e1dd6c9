package io.throughline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on a random port with its own embedded PostgreSQL and the demo brand. Every test class
 * so annotated shares one running platform, so the suite starts PostgreSQL once.
 */
@Target(ElementType.TYPE)
@java.lang.annotation.Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface PlatformTest {

    /** The bootstrap API token of the first administrator, from {@code application-test.yml}. */
    String ADMIN_TOKEN = "tl_test_bootstrap_token_0123456789";
    String ADMIN_EMAIL = "admin@throughline.test";
    /** The demo web shop source's write key, from {@code application-test.yml}. */
    String WEB_WRITE_KEY = "wk_test_web_source_0123456789";
    String ADMIN_PASSWORD = "correct-horse-battery";
    String DEMO_STAFF_PASSWORD = "tokaj-demo-password";
}
