package io.throughline.privacy;

import java.util.UUID;

/**
 * A customer ticked email marketing in her preference centre while double opt-in is on: a confirmation mail must
 * go to her address (the consent is granted only once she follows its link).
 *
 * @param confirmPath  the signed confirmation link's path, to be put after the public base URL
 * @param languageTag  the language she used, for the mail's wording
 */
public record EmailConsentConfirmationRequested(UUID profileId, String confirmPath, String languageTag) {}
