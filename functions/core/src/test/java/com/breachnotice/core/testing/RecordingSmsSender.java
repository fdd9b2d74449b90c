package com.breachnotice.core.testing;

import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.sending.SmsSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SmsSender} that records every text and answers from a per-number script (default: accepted). */
public final class RecordingSmsSender implements SmsSender {

    public record Sms(String phoneE164, String text) {}

    private final List<Sms> sent = new ArrayList<>();
    private final Map<String, Deque<SendResult>> scripts = new HashMap<>();
    private int messageIds;

    public synchronized RecordingSmsSender script(String phoneE164, SendResult... results) {
        scripts.computeIfAbsent(phoneE164, p -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    @Override
    public synchronized SendResult send(String phoneE164, String text) {
        sent.add(new Sms(phoneE164, text));
        Deque<SendResult> script = scripts.get(phoneE164);
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        return new SendResult.Accepted("sns-" + (++messageIds));
    }

    public synchronized List<Sms> sent() {
        return List.copyOf(sent);
    }

    public synchronized long sentTo(String phoneE164) {
        return sent.stream().filter(s -> s.phoneE164().equals(phoneE164)).count();
    }
}
