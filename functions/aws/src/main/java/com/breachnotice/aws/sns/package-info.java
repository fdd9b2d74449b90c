@NullMarked
package com.breachnotice.aws.sns;

import org.jspecify.annotations.NullMarked;
