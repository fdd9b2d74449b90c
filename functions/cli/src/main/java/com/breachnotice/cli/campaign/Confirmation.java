package com.breachnotice.cli.campaign;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/** A yes/no question to the operator at a terminal; no answer at all when there is no terminal. */
@FunctionalInterface
interface Confirmation {

    /** The answer, or empty when nobody can be asked (no terminal: a script, a pipe, CI). */
    Optional<Boolean> ask(String question);

    /** Nobody to ask. */
    Confirmation NONE = question -> Optional.empty();

    /** Whether the process runs at a terminal (not a pipe, a file or CI). */
    static boolean atTerminal() {
        Console console = System.console();
        return console != null && isTerminal(console);
    }

    /** The process's terminal, if it has one. */
    static Confirmation terminal() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return NONE;
        }
        return question -> {
            String answer = console.readLine("%s [y/N] ", question);
            return Optional.of(answer != null
                    && (answer.strip().toLowerCase(Locale.ROOT).equals("y")
                            || answer.strip().toLowerCase(Locale.ROOT).equals("yes")));
        };
    }

    // From JDK 22 System.console() is not null when the streams are redirected, and
    // Console.isTerminal() tells; the build targets 21, where null already means no terminal.
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
