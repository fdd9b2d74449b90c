@NullMarked
package com.breachnotice.core.contact;

import org.jspecify.annotations.NullMarked;
