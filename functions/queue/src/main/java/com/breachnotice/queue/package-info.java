/**
 * One way for every queue-fed function to turn an {@code SQSEvent} into outcomes: each record is
 * done, retried (a batch item failure) or poison (dead-lettered at once). Handler-side code, shared by
 * the functions; the technology adapter lives in the {@code aws} sub-package.
 */
@NullMarked
package com.breachnotice.queue;

import org.jspecify.annotations.NullMarked;
