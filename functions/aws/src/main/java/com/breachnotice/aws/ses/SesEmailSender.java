package com.breachnotice.aws.ses;

import com.breachnotice.core.sending.BulkEmail;
import com.breachnotice.core.sending.EmailSender;
import com.breachnotice.core.sending.SendResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntry;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntryResult;
import software.amazon.awssdk.services.sesv2.model.BulkEmailStatus;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * {@link EmailSender} on SES v2. Notices go out with {@code SendBulkEmail}: one stored template,
 * one entry per person with their replacement data (JSON) and message tags (which come back on the
 * delivery events), all through the configuration set whose events reach the events function.
 * Each entry's status is mapped to a neutral {@link SendResult}; a failure of the whole call applies
 * to every entry. Reasons carry SES status or error codes only, never SES's message text, which can
 * quote addresses.
 */
public final class SesEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SesEmailSender.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SesV2Client ses;
    private final String fromAddress;
    private final String configurationSet;

    public SesEmailSender(SesV2Client ses, String fromAddress, String configurationSet) {
        this.ses = ses;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet;
    }

    @Override
    public List<SendResult> sendBulk(String templateName, List<BulkEmail> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        if (emails.size() > MAX_BULK) {
            throw new IllegalArgumentException("at most " + MAX_BULK + " destinations per bulk send");
        }
        SendBulkEmailResponse response;
        try {
            response = ses.sendBulkEmail(bulkRequest(templateName, emails));
        } catch (SdkException e) {
            SendResult result = classify(e);
            LOG.warn("SES bulk send of {} entries failed as a whole: {}", emails.size(), result);
            return Collections.nCopies(emails.size(), result);
        }
        List<BulkEmailEntryResult> entries = response.bulkEmailEntryResults();
        List<SendResult> results = new ArrayList<>(emails.size());
        for (int i = 0; i < emails.size(); i++) {
            results.add(
                    i < entries.size() ? classify(entries.get(i)) : new SendResult.Failed("ses:MISSING_ENTRY_RESULT"));
        }
        return results;
    }

    @Override
    public SendResult send(String to, String subject, String text) {
        try {
            String messageId = ses.sendEmail(SendEmailRequest.builder()
                            .fromEmailAddress(fromAddress)
                            .configurationSetName(configurationSet)
                            .destination(d -> d.toAddresses(to))
                            .content(c -> c.simple(m -> m.subject(
                                            s -> s.data(subject).charset("UTF-8"))
                                    .body(body -> body.text(t -> t.data(text).charset("UTF-8")))))
                            .build())
                    .messageId();
            return new SendResult.Accepted(messageId);
        } catch (SdkException e) {
            return classify(e);
        }
    }

    SendBulkEmailRequest bulkRequest(String templateName, List<BulkEmail> emails) {
        List<BulkEmailEntry> entries = new ArrayList<>(emails.size());
        for (BulkEmail email : emails) {
            List<MessageTag> tags = new ArrayList<>();
            new TreeMap<>(email.tags())
                    .forEach((name, value) -> tags.add(
                            MessageTag.builder().name(name).value(value).build()));
            entries.add(BulkEmailEntry.builder()
                    .destination(d -> d.toAddresses(email.to()))
                    .replacementEmailContent(
                            c -> c.replacementTemplate(t -> t.replacementTemplateData(templateData(email.data()))))
                    .replacementTags(tags)
                    .build());
        }
        return SendBulkEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .configurationSetName(configurationSet)
                .defaultContent(
                        c -> c.template(t -> t.templateName(templateName).templateData("{}")))
                .bulkEmailEntries(entries)
                .build();
    }

    static String templateData(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            // Never e.getMessage(): it may quote the data, which is personal.
            throw new IllegalArgumentException("template data is not serializable to JSON");
        }
    }

    static SendResult classify(BulkEmailEntryResult entry) {
        BulkEmailStatus status = entry.status();
        String reason = "ses:" + (status == null ? "UNKNOWN" : entry.statusAsString());
        if (status == null) {
            return new SendResult.Failed(reason);
        }
        return switch (status) {
            case SUCCESS -> new SendResult.Accepted(entry.messageId());
            // Over a quota or rate, or sending paused (by SES or by an operator pausing the
            // configuration set): nothing wrong with the message, send it later.
            case ACCOUNT_THROTTLED,
                    ACCOUNT_DAILY_QUOTA_EXCEEDED,
                    ACCOUNT_SENDING_PAUSED,
                    CONFIGURATION_SET_SENDING_PAUSED -> new SendResult.Throttled(reason);
            case TRANSIENT_FAILURE, FAILED, UNKNOWN_TO_SDK_VERSION -> new SendResult.Failed(reason);
            case MESSAGE_REJECTED,
                    MAIL_FROM_DOMAIN_NOT_VERIFIED,
                    CONFIGURATION_SET_NOT_FOUND,
                    TEMPLATE_NOT_FOUND,
                    ACCOUNT_SUSPENDED,
                    INVALID_SENDING_POOL_NAME,
                    INVALID_PARAMETER -> new SendResult.Rejected(reason);
        };
    }

    /** A failure of a whole call, for every entry it carried. */
    static SendResult classify(SdkException e) {
        String reason = "ses:" + errorCode(e);
        if (e instanceof TooManyRequestsException
                || e instanceof LimitExceededException
                || e instanceof SendingPausedException
                || (e instanceof SdkServiceException service && service.isThrottlingException())) {
            return new SendResult.Throttled(reason);
        }
        if (e instanceof BadRequestException
                || e instanceof NotFoundException
                || e instanceof MessageRejectedException
                || e instanceof MailFromDomainNotVerifiedException
                || e instanceof AccountSuspendedException
                // NotFoundException is SES v2's only 404 (no such template): also when an emulator
                // sends it in a body shape the SDK does not map to the exception class.
                || (e instanceof SdkServiceException service && service.statusCode() == 404)) {
            return new SendResult.Rejected(reason);
        }
        // 5xx, timeouts, connection failures, and 4xx we do not know to be permanent (access denied
        // by a broken policy, say): retry; what keeps failing ends in the dead-letter queue.
        return new SendResult.Failed(reason);
    }

    static String errorCode(SdkException e) {
        if (e instanceof SdkServiceException service) {
            if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                    && aws.awsErrorDetails() != null
                    && aws.awsErrorDetails().errorCode() != null) {
                return aws.awsErrorDetails().errorCode();
            }
            return "HTTP_" + service.statusCode();
        }
        return e.getClass().getSimpleName();
    }
}
