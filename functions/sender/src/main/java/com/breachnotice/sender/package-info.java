/** The sender functions: notice jobs and one-time codes. */
@NullMarked
package com.breachnotice.sender;

import org.jspecify.annotations.NullMarked;
