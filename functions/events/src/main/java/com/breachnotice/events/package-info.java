/**
 * The events function: SES delivery events (through SNS) and SMS delivery reports move deliveries
 * forward; the edge switch answers the lookup's failure-ratio alarm.
 */
@NullMarked
package com.breachnotice.events;

import org.jspecify.annotations.NullMarked;
