@NullMarked
package com.breachnotice.core.crypto;

import org.jspecify.annotations.NullMarked;
