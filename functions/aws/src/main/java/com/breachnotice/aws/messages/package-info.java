@NullMarked
package com.breachnotice.aws.messages;

import org.jspecify.annotations.NullMarked;
