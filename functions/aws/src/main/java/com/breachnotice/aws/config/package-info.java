/** Reading a function's settings from its environment, once, at start-up. */
@NullMarked
package com.breachnotice.aws.config;

import org.jspecify.annotations.NullMarked;
