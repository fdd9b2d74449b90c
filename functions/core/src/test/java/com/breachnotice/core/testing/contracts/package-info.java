/**
 * Contract tests: one abstract class per port with an in-memory fake, extended once by a unit test
 * that runs it on the fake and once by an integration test ({@code *IT}) that runs it on the DynamoDB
 * adapter against the emulator, so a fake cannot pass a service test on behaviour the adapter lacks.
 */
@NullMarked
package com.breachnotice.core.testing.contracts;

import org.jspecify.annotations.NullMarked;
