@NullMarked
package com.breachnotice.bench.lookup;

import org.jspecify.annotations.NullMarked;
