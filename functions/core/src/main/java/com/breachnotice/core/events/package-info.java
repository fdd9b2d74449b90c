@NullMarked
package com.breachnotice.core.events;

import org.jspecify.annotations.NullMarked;
