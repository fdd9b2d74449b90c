package com.breachnotice.core.testing;

import com.breachnotice.core.sending.BulkEmail;
import com.breachnotice.core.sending.EmailSender;
import com.breachnotice.core.sending.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link EmailSender} that records every message and answers from a per-destination script; a
 * destination without a script (or whose script ran out) is accepted with a fresh message id. A
 * hook runs after each bulk call is recorded, before it answers: a test can make it throw (a
 * sender that crashed after the provider took the messages) or apply events meanwhile.
 */
public final class RecordingEmailSender implements EmailSender {

    public record BulkCall(String templateName, List<BulkEmail> emails) {}

    public record PlainEmail(String to, String subject, String text) {}

    private final List<BulkCall> bulkCalls = new ArrayList<>();
    private final List<PlainEmail> plain = new ArrayList<>();
    private final Map<String, Deque<SendResult>> scripts = new HashMap<>();
    private Consumer<BulkCall> afterBulk = call -> {};
    private int messageIds;

    /** The next answers for {@code to}, in order. */
    public synchronized RecordingEmailSender script(String to, SendResult... results) {
        scripts.computeIfAbsent(to, t -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    public synchronized RecordingEmailSender afterBulk(Consumer<BulkCall> hook) {
        this.afterBulk = hook;
        return this;
    }

    @Override
    public List<SendResult> sendBulk(String templateName, List<BulkEmail> emails) {
        BulkCall call;
        List<SendResult> results = new ArrayList<>();
        synchronized (this) {
            if (emails.size() > MAX_BULK) {
                throw new IllegalArgumentException("more than " + MAX_BULK + " destinations in one call");
            }
            call = new BulkCall(templateName, List.copyOf(emails));
            bulkCalls.add(call);
            for (BulkEmail email : emails) {
                results.add(answer(email.to()));
            }
        }
        afterBulk.accept(call);
        return results;
    }

    @Override
    public synchronized SendResult send(String to, String subject, String text) {
        plain.add(new PlainEmail(to, subject, text));
        return answer(to);
    }

    private SendResult answer(String to) {
        Deque<SendResult> script = scripts.get(to);
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        return new SendResult.Accepted("ses-" + (++messageIds));
    }

    public synchronized List<BulkCall> bulkCalls() {
        return List.copyOf(bulkCalls);
    }

    /** Every destination of every bulk call, in order. */
    public synchronized List<BulkEmail> bulkEmails() {
        return bulkCalls.stream().flatMap(c -> c.emails().stream()).toList();
    }

    public synchronized List<PlainEmail> plainEmails() {
        return List.copyOf(plain);
    }

    /** How many messages (bulk or plain) went to {@code to}. */
    public synchronized long sentTo(String to) {
        return bulkEmails().stream().filter(e -> e.to().equals(to)).count()
                + plain.stream().filter(e -> e.to().equals(to)).count();
    }
}
