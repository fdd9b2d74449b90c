/** The incident description's file format (JSON, ko and en side by side). */
@NullMarked
package com.breachnotice.aws.incident;

import org.jspecify.annotations.NullMarked;
