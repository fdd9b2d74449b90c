@NullMarked
package com.breachnotice.cli.campaign;

import org.jspecify.annotations.NullMarked;
