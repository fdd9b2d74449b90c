@NullMarked
package com.breachnotice.core.intake;

import org.jspecify.annotations.NullMarked;
