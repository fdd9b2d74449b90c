@NullMarked
package com.breachnotice.cli.notice;

import org.jspecify.annotations.NullMarked;
