@NullMarked
package com.breachnotice.queue.aws;

import org.jspecify.annotations.NullMarked;
