/** Metrics in CloudWatch embedded metric format. */
@NullMarked
package com.breachnotice.aws.metrics;

import org.jspecify.annotations.NullMarked;
