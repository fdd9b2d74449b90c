@NullMarked
package com.breachnotice.core.planning;

import org.jspecify.annotations.NullMarked;
