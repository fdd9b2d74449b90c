/** Test-only handlers the local runtime invokes by name, as it invokes the real ones. */
@NullMarked
package com.breachnotice.local.testing;

import org.jspecify.annotations.NullMarked;
