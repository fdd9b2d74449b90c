@NullMarked
package com.breachnotice.aws.secrets;

import org.jspecify.annotations.NullMarked;
