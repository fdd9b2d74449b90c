package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what a handler logs through its {@link LambdaLogger} to slf4j, under {@code lambda.<logicalId>}. */
final class Slf4jLambdaLogger implements LambdaLogger {

    private final Logger logger;

    Slf4jLambdaLogger(String functionLogicalId) {
        this.logger = LoggerFactory.getLogger("lambda." + functionLogicalId);
    }

    @Override
    public void log(String message) {
        logger.info(message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        switch (level) {
            case TRACE -> logger.trace(message);
            case DEBUG -> logger.debug(message);
            case WARN -> logger.warn(message);
            case ERROR, FATAL -> logger.error(message);
            case INFO, UNDEFINED -> logger.info(message);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }
}
