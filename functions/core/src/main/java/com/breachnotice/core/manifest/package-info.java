@NullMarked
package com.breachnotice.core.manifest;

import org.jspecify.annotations.NullMarked;
