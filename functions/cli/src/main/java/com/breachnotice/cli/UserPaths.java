package com.breachnotice.cli;

import java.nio.file.Path;

/**
 * Paths the operator typed are relative to where they typed them. {@code bin/breach-notice} runs the
 * JVM in the repository (the emulator finds template.yaml from there) and passes the operator's
 * directory as {@value #CWD_PROPERTY}.
 */
public final class UserPaths {

    public static final String CWD_PROPERTY = "breachnotice.cwd";

    /** The repository the CLI belongs to (where template.yaml is); the working directory when unset. */
    public static final String HOME_PROPERTY = "breachnotice.home";

    private UserPaths() {}

    public static Path resolve(Path typed) {
        if (typed.isAbsolute()) {
            return typed;
        }
        String cwd = System.getProperty(CWD_PROPERTY, "");
        return cwd.isBlank()
                ? typed.toAbsolutePath()
                : Path.of(cwd).resolve(typed).normalize();
    }
}
