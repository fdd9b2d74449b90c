/**
 * Notice templates structured by section, their rendering with the incident's facts, and the lint
 * that refuses an incomplete or unsafe notice before anything is sent.
 */
@NullMarked
package com.breachnotice.core.notice;

import org.jspecify.annotations.NullMarked;
