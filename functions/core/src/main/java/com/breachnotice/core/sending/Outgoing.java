package com.breachnotice.core.sending;

import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.NoticeProof;

/**
 * One delivery of a claimed job, its message built (contact opened, text rendered) before its turn
 * is reserved, so the send itself goes out on the turn.
 */
public sealed interface Outgoing {

    DeliveryId id();

    /** The keyed hash of the reference code the message prints. */
    String referenceHash();

    /** What the person is told, for the delivery's record. */
    NoticeProof told();

    /**
     * The recipient masked ({@code 010-****-5678}, {@code e***@example.net}), for the delivery's record:
     * the genuineness check shows it, and the lookup never opens a contact.
     */
    String recipientMask();

    /** What the send takes of the schedule: one email, or the text's SMS parts. */
    int units();

    /** One destination of a bulk templated email. */
    record Email(DeliveryId id, String referenceHash, NoticeProof told, String recipientMask, BulkEmail email)
            implements Outgoing {
        @Override
        public int units() {
            return 1;
        }

        @Override
        public String toString() {
            return "Outgoing.Email[" + id.notice() + "]";
        }
    }

    /** One text, published on its own. */
    record Text(
            DeliveryId id,
            String referenceHash,
            NoticeProof told,
            String recipientMask,
            String phone,
            String text,
            int parts)
            implements Outgoing {
        @Override
        public int units() {
            return parts;
        }

        @Override
        public String toString() {
            return "Outgoing.Text[" + id.notice() + ", parts=" + parts + "]";
        }
    }
}
