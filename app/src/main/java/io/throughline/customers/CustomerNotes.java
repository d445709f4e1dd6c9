package io.throughline.customers;

import java.util.UUID;

/** Notes staff write on a customer's thread, e.g. what a call was about; they show on her timeline. */
public interface CustomerNotes {

    int MAX_LENGTH = 2000;

    /**
     * Adds the note to the live profile's timeline, written by the member of staff.
     *
     * @throws io.throughline.platform.InvalidRequestException naming {@code text} when it is blank or too long
     */
    void add(UUID profileId, UUID staffId, String text);
}
