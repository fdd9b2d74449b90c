/**
 * What a campaign will do before it starts: whom it reaches on which channel, what it costs at list
 * prices, how long it takes at its rates and in its send windows, and what the messages look like.
 * Pure: the audience comes through {@link com.breachnotice.core.preview.AudienceCounter}.
 */
@NullMarked
package com.breachnotice.core.preview;

import org.jspecify.annotations.NullMarked;
