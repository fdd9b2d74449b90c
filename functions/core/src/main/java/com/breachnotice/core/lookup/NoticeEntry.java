package com.breachnotice.core.lookup;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.Optional;

/** One notice as the requester sees it: which campaign, how, when, and what became of it. */
public record NoticeEntry(String title, Channel channel, Optional<Instant> sentAt, DeliveryStatus status) {}
