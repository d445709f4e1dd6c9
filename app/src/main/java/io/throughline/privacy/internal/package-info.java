/**
 * Privacy behind its API: consent as customers and staff state it (read from identify events too), and the
 * audit log of staff reads of personal data.
 */
@NullMarked
package io.throughline.privacy.internal;

import org.jspecify.annotations.NullMarked;
