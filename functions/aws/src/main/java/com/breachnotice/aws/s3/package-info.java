@NullMarked
package com.breachnotice.aws.s3;

import org.jspecify.annotations.NullMarked;
