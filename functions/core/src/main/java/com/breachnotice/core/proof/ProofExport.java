package com.breachnotice.core.proof;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.CampaignDeliveries;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.RecipientMask;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Streams the proof of notice of one campaign: a page of deliveries is read, its contacts are
 * fetched in one batch and opened (to mask them, or to show them in a revealed export), its rows are
 * written, and the page is dropped before the next is read. Memory is one page, whatever the
 * campaign's size. Opened contacts never leave this class except as the row's recipient.
 */
public final class ProofExport {

    /** Where rows go; the file writers implement it. */
    public interface RowSink {
        void write(ProofRow row) throws IOException;
    }

    private final CampaignDeliveries deliveries;
    private final ContactBook contacts;
    private final ContactCipher cipher;

    public ProofExport(CampaignDeliveries deliveries, ContactBook contacts, ContactCipher cipher) {
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.cipher = cipher;
    }

    /** Writes every delivery of the campaign to {@code sink}; returns the report's counts. */
    public ProofSummary export(String campaignId, boolean reveal, RowSink sink) throws IOException {
        ProofSummary summary = new ProofSummary();
        try {
            deliveries.forEachPage(campaignId, page -> writePage(page, reveal, sink, summary));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return summary;
    }

    private void writePage(List<Delivery> page, boolean reveal, RowSink sink, ProofSummary summary) {
        Map<ContactKey, StoredContact> stored = contacts.find(
                page.stream().map(d -> d.id().contact()).distinct().toList());
        for (Delivery delivery : page) {
            StoredContact contact = stored.get(delivery.id().contact());
            String recipient = contact == null ? "" : recipient(contact, reveal);
            try {
                sink.write(new ProofRow(delivery, recipient));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            summary.add(delivery);
        }
    }

    private String recipient(StoredContact contact, boolean reveal) {
        String value = cipher.open(contact.value(), contact.key().value());
        if (reveal) {
            return value;
        }
        ContactKind kind = contact.key().kind();
        return RecipientMask.of(new Contact(kind, value, contact.smsCapable()));
    }
}
