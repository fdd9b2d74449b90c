package com.breachnotice.core.lookup;

import com.breachnotice.core.campaign.Channel;
import java.time.Instant;
import java.util.Optional;

/** What came of checking a reference code printed in a message. */
public sealed interface ReferenceResult {

    /** We sent a notice carrying this code. Nothing about its recipient is told. */
    record Genuine(String title, Channel channel, Optional<Instant> sentAt) implements ReferenceResult {}

    /** Well-formed, but no notice of ours carries it: treat the message as a fake. */
    record NotOurs() implements ReferenceResult {}

    /** Not a reference code at all (wrong length, symbols or check symbol). */
    record Malformed() implements ReferenceResult {}
}
