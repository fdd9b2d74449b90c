package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.EmailTemplates;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link EmailTemplates} that remembers every campaign registered. */
public final class RecordingEmailTemplates implements EmailTemplates {

    private final List<Campaign> registered = new CopyOnWriteArrayList<>();

    @Override
    public void register(Campaign campaign) {
        registered.add(campaign);
    }

    public List<Campaign> registered() {
        return List.copyOf(registered);
    }
}
