/** The proof of notice for a regulator: one row per delivery, streamed, and the counts of a report. */
@NullMarked
package com.breachnotice.core.proof;

import org.jspecify.annotations.NullMarked;
