package com.breachnotice.core.planning;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.manifest.NoticeLocale;

/** What the planner needs to know of a contact: no contact detail, only its key and flags. */
public record ContactProfile(ContactKey key, NoticeLocale locale, boolean smsCapable, boolean ownerWithoutEmail) {}
