@NullMarked
package com.breachnotice.aws;

import org.jspecify.annotations.NullMarked;
