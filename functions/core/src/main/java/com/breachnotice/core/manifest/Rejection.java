package com.breachnotice.core.manifest;

/**
 * One rejected row: the physical line its record starts on (the header is line 1), the customer id
 * if one could be read (empty otherwise), and the reason.
 */
public record Rejection(long line, String customerId, RejectReason reason) {}
