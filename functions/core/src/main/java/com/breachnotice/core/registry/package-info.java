@NullMarked
package com.breachnotice.core.registry;

import org.jspecify.annotations.NullMarked;
