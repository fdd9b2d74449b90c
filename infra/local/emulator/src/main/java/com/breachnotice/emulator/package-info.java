/**
 * The local AWS environment: starts (or attaches to) the emulators and creates every resource that
 * {@code template.yaml} declares, so that the local environment and the deployed one cannot drift.
 */
@NullMarked
package com.breachnotice.emulator;

import org.jspecify.annotations.NullMarked;
