package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.registry.StoredContact;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One channel's way to send the messages of a claimed job (listmonk's {@code Messenger}, novu's
 * providers): it builds each message before the job's turn, then sends them on their turns in the
 * {@link SendSchedule}, never starting a provider call that its job's lease would not outlast.
 */
public sealed interface JobSender<M extends Outgoing> permits EmailJobSender, SmsJobSender {

    Channel channel();

    /** Builds one delivery's message: the contact opened, the text rendered, what is told hashed. */
    M prepare(JobNotice notice, DeliveryId id, Recipients.Reference reference, StoredContact contact);

    /**
     * Sends {@code messages} from {@code turn} on, while the job's lease (until {@code leaseUntil})
     * allows a provider call. Every message ends up done, left (to try again) or settled elsewhere.
     */
    Run send(JobNotice notice, List<M> messages, Instant turn, Instant leaseUntil) throws InterruptedException;

    /**
     * What a send did: the records to write, the deliveries left to try again, those another sender
     * settled meanwhile (texts), and whether it stopped because its lease would not outlast a call.
     */
    record Run(
            List<DeliveryRecord> done,
            List<DeliveryId> left,
            Map<DeliveryId, DeliveryStatus> settledElsewhere,
            boolean fenced) {

        public Run {
            done = List.copyOf(done);
            left = List.copyOf(left);
            settledElsewhere = Map.copyOf(settledElsewhere);
        }
    }
}
