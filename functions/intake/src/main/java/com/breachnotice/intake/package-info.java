/** The intake functions: an upload becomes ingest tasks; a task's rows become subjects. */
@NullMarked
package com.breachnotice.intake;

import org.jspecify.annotations.NullMarked;
