/**
 * Web wiring every module shares: errors as problem documents and a request id on every response.
 */
@NullMarked
package io.throughline.platform.internal.web;

import org.jspecify.annotations.NullMarked;
