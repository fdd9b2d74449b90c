/** The events function: SES delivery events (through SNS) move deliveries forward. */
@NullMarked
package com.breachnotice.events;

import org.jspecify.annotations.NullMarked;
