/** Proof-of-notice export at scale on the local emulator: a benchmark, not a test. */
@NullMarked
package com.breachnotice.bench.proof;

import org.jspecify.annotations.NullMarked;
