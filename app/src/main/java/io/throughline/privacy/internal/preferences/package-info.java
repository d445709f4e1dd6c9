/** The customer's own preference centre: signed links, purpose × channel choices with their proof, double opt-in. */
@NullMarked
package io.throughline.privacy.internal.preferences;

import org.jspecify.annotations.NullMarked;
