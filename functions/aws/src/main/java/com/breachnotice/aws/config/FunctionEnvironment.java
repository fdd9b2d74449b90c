package com.breachnotice.aws.config;

import com.breachnotice.core.contact.ContactNormalizer;
import java.util.Map;

/**
 * A function's environment variables, read once during INIT by its composition root. A missing or
 * blank variable fails start-up with the variable's name, never later with a null.
 */
public final class FunctionEnvironment {

    private final Map<String, String> variables;

    public FunctionEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process environment: what Lambda gives a function. */
    public static FunctionEnvironment ofProcess() {
        return new FunctionEnvironment(System.getenv());
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingSettingException(name);
        }
        return value;
    }

    /**
     * A region code (such as {@code KR}) that libphonenumber knows: the country of a phone number
     * written without its country code. An unknown one fails start-up here, naming the variable,
     * rather than every national number being rejected later, row by row.
     */
    public String requireCountry(String name) {
        String value = require(name).strip();
        try {
            ContactNormalizer.forCountry(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Thrown at start-up when a required variable is absent. Its message names the variable. */
    public static final class MissingSettingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingSettingException(String name) {
            super("missing environment variable " + name);
        }
    }
}
