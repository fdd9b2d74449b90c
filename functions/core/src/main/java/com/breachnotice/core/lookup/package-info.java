@NullMarked
package com.breachnotice.core.lookup;

import org.jspecify.annotations.NullMarked;
