/** The breach-notice domain: no AWS types, no Lambda types. */
@NullMarked
package com.breachnotice.core;

import org.jspecify.annotations.NullMarked;
