@NullMarked
package com.breachnotice.cli.manifest;

import org.jspecify.annotations.NullMarked;
