/** Counters the functions publish: names and closed-set dimension values, never personal data. */
@NullMarked
package com.breachnotice.core.metrics;

import org.jspecify.annotations.NullMarked;
