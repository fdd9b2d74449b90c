/** Intake benchmarks: run by hand (see bench/intake/README.md), never by the test suite. */
@NullMarked
package com.breachnotice.bench.intake;

import org.jspecify.annotations.NullMarked;
