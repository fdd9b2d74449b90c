/** Local runtime: invokes the real Lambda handlers with Lambda's event types against the local emulator. */
@NullMarked
package com.breachnotice.local;

import org.jspecify.annotations.NullMarked;
