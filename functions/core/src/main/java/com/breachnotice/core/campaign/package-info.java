@NullMarked
package com.breachnotice.core.campaign;

import org.jspecify.annotations.NullMarked;
