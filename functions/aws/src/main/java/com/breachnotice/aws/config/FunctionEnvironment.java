package com.breachnotice.aws.config;

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
