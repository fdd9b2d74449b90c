@NullMarked
package com.breachnotice.bench.sending;

import org.jspecify.annotations.NullMarked;
