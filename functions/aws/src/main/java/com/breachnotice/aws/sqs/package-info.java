@NullMarked
package com.breachnotice.aws.sqs;

import org.jspecify.annotations.NullMarked;
