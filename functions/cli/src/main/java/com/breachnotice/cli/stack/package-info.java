@NullMarked
package com.breachnotice.cli.stack;

import org.jspecify.annotations.NullMarked;
