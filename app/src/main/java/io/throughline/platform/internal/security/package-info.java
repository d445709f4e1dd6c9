/**
 * Staff security: accounts, sign-in with throttling, API tokens, the first administrator and the filter
 * chains that deny by default.
 */
@NullMarked
package io.throughline.platform.internal.security;

import org.jspecify.annotations.NullMarked;
