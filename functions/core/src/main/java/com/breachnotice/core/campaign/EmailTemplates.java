package com.breachnotice.core.campaign;

/** The email provider's stored templates: one per campaign and language. */
public interface EmailTemplates {

    /** Creates or replaces the campaign's templates. */
    void register(Campaign campaign);
}
