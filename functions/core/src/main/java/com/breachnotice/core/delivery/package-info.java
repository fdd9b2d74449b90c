@NullMarked
package com.breachnotice.core.delivery;

import org.jspecify.annotations.NullMarked;
