/**
 * Messaging behind its API: messages and templates, channel choice by engagement, frequency caps and quiet
 * hours, the delivery adapters with their outbox, and tracked links.
 */
@NullMarked
package io.throughline.messaging.internal;

import org.jspecify.annotations.NullMarked;
