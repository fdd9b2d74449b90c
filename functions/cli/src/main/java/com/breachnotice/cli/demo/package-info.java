@NullMarked
package com.breachnotice.cli.demo;

import org.jspecify.annotations.NullMarked;
