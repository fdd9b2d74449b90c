package com.breachnotice.core.lookup;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One notice as the requester sees it: which campaign, how, when, what became of it, and the
 * reference code printed in it (grouped, as printed), so the owner can match the message they hold.
 */
public record NoticeEntry(
        String title, Channel channel, Optional<Instant> sentAt, DeliveryStatus status, String reference) {}
