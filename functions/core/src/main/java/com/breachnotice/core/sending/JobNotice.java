package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.planning.NoticeJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A claimed job with the notice it sends: the campaign, the text in the job's language and that
 * text's version, worked out once per job.
 */
public record JobNotice(Campaign campaign, NoticeJob job, NoticeText text, String version) {

    static JobNotice of(Campaign campaign, NoticeJob job) {
        NoticeText text = campaign.text(job.locale());
        String version = sha256Hex(String.join("\u0000", text.subject(), text.text(), text.html(), text.sms()))
                .substring(0, 12);
        return new JobNotice(campaign, job, text, version);
    }

    /**
     * What a person with {@code items} is told by {@code message}. The notice's name is the
     * campaign's id: a campaign sends one notice.
     */
    NoticeProof told(Set<ItemKind> items, String message) {
        // The order ItemLabels lists them in: the enum's.
        List<ItemKind> listed = items.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(items));
        return new NoticeProof(campaign.id(), version, listed, job.locale(), sha256Hex(message));
    }

    static String sha256Hex(String message) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
