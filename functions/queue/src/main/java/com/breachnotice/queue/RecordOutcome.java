package com.breachnotice.queue;

/** What became of one queue record. */
public sealed interface RecordOutcome {

    /** Finished (or nothing left to do): SQS deletes the message. */
    record Done() implements RecordOutcome {}

    /** Worth another try: reported as a batch item failure, so SQS brings it back after its visibility timeout. */
    record Retry() implements RecordOutcome {}

    /**
     * Not now, and not a failure (a paused campaign's job): the message is parked for {@code delay}
     * without spending one of its receives, so a pause of any length never dead-letters it.
     */
    record Later(java.time.Duration delay) implements RecordOutcome {}

    /**
     * Can never succeed, however often retried: sent to the dead-letter queue at once and deleted.
     *
     * @param reason why, for the operator; never personal data (it is logged and kept with the message)
     */
    record Poison(String reason) implements RecordOutcome {}

    static RecordOutcome done() {
        return new Done();
    }

    static RecordOutcome retry() {
        return new Retry();
    }

    static RecordOutcome later(java.time.Duration delay) {
        return new Later(delay);
    }

    static RecordOutcome poison(String reason) {
        return new Poison(reason);
    }
}
