/** The campaign-steering benchmarks of issue 12: pause and resume, cancel, requests of a status. */
@NullMarked
package com.breachnotice.bench.campaigns;

import org.jspecify.annotations.NullMarked;
