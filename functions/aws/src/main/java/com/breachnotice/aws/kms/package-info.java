@NullMarked
package com.breachnotice.aws.kms;

import org.jspecify.annotations.NullMarked;
