@NullMarked
package com.breachnotice.core.sending;

import org.jspecify.annotations.NullMarked;
