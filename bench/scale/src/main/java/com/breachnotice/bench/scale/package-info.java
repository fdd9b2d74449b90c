@NullMarked
package com.breachnotice.bench.scale;

import org.jspecify.annotations.NullMarked;
