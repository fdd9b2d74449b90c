package com.breachnotice.core.lookup;

import com.breachnotice.core.campaign.Channel;
import java.time.Instant;
import java.util.Optional;

/** What came of checking a reference code printed in a message. */
public sealed interface ReferenceResult {

    /**
     * We sent a notice carrying this code, to {@code recipient} (masked: {@code 010-****-5678}), so a
     * real code pasted into a message to someone else shows itself; empty when no mask was kept.
     */
    record Genuine(String title, Channel channel, Optional<Instant> sentAt, Optional<String> recipient)
            implements ReferenceResult {}

    /** Well-formed, but no notice of ours carries it: treat the message as a fake. */
    record NotOurs() implements ReferenceResult {}

    /** Not a reference code at all (wrong length, symbols or check symbol). */
    record Malformed() implements ReferenceResult {}
}
