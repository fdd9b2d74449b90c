package com.breachnotice.cli.stack;

import com.breachnotice.cli.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outputs of a deployed stack (template.yaml's {@code Outputs}), by name: where the CLI finds
 * every table and queue. They come from CloudFormation ({@link CloudFormationStackOutputs}) or from a
 * JSON file holding one object of output name to value, which
 * {@code aws cloudformation describe-stacks --stack-name NAME --query
 * 'Stacks[0].Outputs' --output json | jq 'map({(.OutputKey): .OutputValue}) | add'} writes.
 */
public final class StackOutputs {

    private final String source;
    private final Map<String, String> values;

    /**
     * @param source what the outputs came from, named in errors ("stack breach-notice", a file)
     */
    public StackOutputs(String source, Map<String, String> values) {
        this.source = source;
        this.values = Map.copyOf(values);
    }

    /** Reads a JSON object of output name to string value. */
    public static StackOutputs fromFile(Path file) {
        String where = "outputs file " + file;
        JsonNode json;
        try {
            json = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new StackOutputsException("no such " + where);
        } catch (JsonProcessingException e) {
            throw new StackOutputsException(where + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StackOutputsException("cannot read " + where + ": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new StackOutputsException(where + " must hold one JSON object of output name to value");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new StackOutputsException(where + ": output " + field.getKey() + " is not a string");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return new StackOutputs(where, values);
    }

    /** The value of one output; a missing or empty one fails with its name. */
    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new StackOutputsException(source + " has no output " + name
                    + " (deploy the current template.yaml, or add it to the outputs file)");
        }
        return value;
    }

    public Map<String, String> values() {
        return values;
    }

    public String source() {
        return source;
    }

    /** The outputs cannot be read, or one the command needs is missing: the message says which. */
    public static final class StackOutputsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StackOutputsException(String message) {
            super(message);
        }
    }
}
