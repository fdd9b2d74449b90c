@NullMarked
package com.breachnotice.aws.dynamodb;

import org.jspecify.annotations.NullMarked;
