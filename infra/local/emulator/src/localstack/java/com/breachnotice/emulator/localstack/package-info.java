/**
 * The opt-in {@code localstack} Maven profile: integration tests against LocalStack in a container,
 * compiled into the emulator module only when that profile is on (the default build has no
 * Testcontainers and needs no Docker).
 */
@NullMarked
package com.breachnotice.emulator.localstack;

import org.jspecify.annotations.NullMarked;
