package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.CampaignCache;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.sending.AdaptiveRate;
import com.breachnotice.core.sending.CampaignGate;
import com.breachnotice.core.sending.EmailJobSender;
import com.breachnotice.core.sending.EmailSender;
import com.breachnotice.core.sending.LeaseTerms;
import com.breachnotice.core.sending.Pacer;
import com.breachnotice.core.sending.Recipients;
import com.breachnotice.core.sending.SendGovernor;
import com.breachnotice.core.sending.SendSchedule;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.core.sending.SmsJobSender;
import com.breachnotice.core.sending.SmsSender;
import java.time.Clock;
import java.util.List;

/**
 * Assembles a {@link SenderService} the way a composition root does, from fakes a test chooses:
 * every part has a default, so a test names only what it changes.
 */
public final class SenderServiceBuilder {

    private CampaignStore campaigns = new InMemoryCampaignStore();
    private CampaignGate gate = CampaignGate.ALWAYS_OPEN;
    private ContactBook contacts = new InMemorySubjectRegistry();
    private JobLedger jobs = new InMemoryJobLedger();
    private DeliveryRecorder records;
    private DeliveryClaims claims;
    private ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private ContactKeyer keyer = Fixtures.keyer();
    private EmailSender email = new RecordingEmailSender();
    private SmsSender sms = new RecordingSmsSender();
    private SendGovernor governor = new InMemorySendGovernor();
    private AdaptiveRate adaptive = new AdaptiveRate();
    private Pacer pacer = turn -> {};
    private Clock clock = new MutableClock(Fixtures.T0);
    private LeaseTerms leases = new LeaseTerms(java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(15));

    public SenderServiceBuilder() {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog();
        this.records = log;
        this.claims = log;
    }

    public SenderServiceBuilder campaigns(CampaignStore value) {
        campaigns = value;
        return this;
    }

    public SenderServiceBuilder gate(CampaignGate value) {
        gate = value;
        return this;
    }

    public SenderServiceBuilder contacts(ContactBook value) {
        contacts = value;
        return this;
    }

    public SenderServiceBuilder jobs(JobLedger value) {
        jobs = value;
        return this;
    }

    /** The deliveries table in memory, both roles the sender uses. */
    public SenderServiceBuilder deliveries(InMemoryDeliveryLog value) {
        records = value;
        claims = value;
        return this;
    }

    public SenderServiceBuilder records(DeliveryRecorder value) {
        records = value;
        return this;
    }

    public SenderServiceBuilder claims(DeliveryClaims value) {
        claims = value;
        return this;
    }

    public SenderServiceBuilder cipher(ContactCipher value) {
        cipher = value;
        return this;
    }

    public SenderServiceBuilder keyer(ContactKeyer value) {
        keyer = value;
        return this;
    }

    public SenderServiceBuilder email(EmailSender value) {
        email = value;
        return this;
    }

    public SenderServiceBuilder sms(SmsSender value) {
        sms = value;
        return this;
    }

    public SenderServiceBuilder governor(SendGovernor value) {
        governor = value;
        return this;
    }

    public SenderServiceBuilder adaptive(AdaptiveRate value) {
        adaptive = value;
        return this;
    }

    public SenderServiceBuilder pacer(Pacer value) {
        pacer = value;
        return this;
    }

    public SenderServiceBuilder clock(Clock value) {
        clock = value;
        return this;
    }

    public SenderServiceBuilder leases(LeaseTerms value) {
        leases = value;
        return this;
    }

    /** The schedule the built service uses (a new one per call: build once, then ask it). */
    public SendSchedule schedule() {
        return new SendSchedule(governor, adaptive, pacer, clock);
    }

    public SenderService build() {
        SendSchedule schedule = schedule();
        return new SenderService(
                new CampaignCache(campaigns),
                gate,
                jobs,
                new Recipients(contacts, keyer),
                records,
                List.of(
                        new EmailJobSender(email, cipher, schedule, leases, clock),
                        new SmsJobSender(sms, claims, cipher, schedule, leases, clock)),
                schedule,
                leases,
                clock);
    }
}
