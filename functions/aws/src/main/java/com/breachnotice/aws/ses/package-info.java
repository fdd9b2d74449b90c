@NullMarked
package com.breachnotice.aws.ses;

import org.jspecify.annotations.NullMarked;
