package io.throughline.tracking.internal;

import io.throughline.events.Identifier;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which identifiers of a client-side source's event may lead to a profile. Anyone can read a browser's or an
 * app's write key, so an email, phone number, loyalty card or user id it names proves nothing: joining on one
 * would let anyone become a known customer and rewrite her. Only the device's own identifiers join, and the
 * user id when the brand's server signed it ({@link SignedUserIds}).
 */
final class ClientIdentifiers {

    private ClientIdentifiers() {}

    static List<Identifier> joinable(List<Identifier> identifiers, @Nullable String userId,
            @Nullable String userIdSecret, @Nullable String signature, Instant now) {
        boolean signedIn = userId != null && SignedUserIds.verify(userIdSecret, userId, signature, now);
        return identifiers.stream()
                .filter(identifier -> switch (identifier.type()) {
                    case Identifier.ANONYMOUS_ID, Identifier.DEVICE_ID -> true;
                    case Identifier.USER_ID -> signedIn && identifier.value().equals(userId);
                    default -> false;
                })
                .toList();
    }
}
