package io.throughline.events.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Present only in cluster mode: when {@code throughline.kafka.bootstrap-servers} names brokers. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("!'${throughline.kafka.bootstrap-servers:}'.isBlank()")
@interface OnClusterMode {}
