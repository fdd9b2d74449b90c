/** The incident description: the one source of every fact a page, a notice or a code message shows. */
@NullMarked
package com.breachnotice.core.incident;

import org.jspecify.annotations.NullMarked;
