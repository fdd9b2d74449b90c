/** The public lookup function: the page, the incident summary and the {@code /v1} API. */
@NullMarked
package com.breachnotice.lookup;

import org.jspecify.annotations.NullMarked;
