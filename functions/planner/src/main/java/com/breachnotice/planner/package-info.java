/** The planner function: turns a campaign into notice jobs, one scanned page at a time. */
@NullMarked
package com.breachnotice.planner;

import org.jspecify.annotations.NullMarked;
