@NullMarked
package com.breachnotice.cli;

import org.jspecify.annotations.NullMarked;
