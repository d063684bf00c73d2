package io.keycloaksignup.registration.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of one validator, read with Keycloak's conversions: numbers may be given as
 * JSON numbers or as strings, booleans as JSON booleans or as strings, and a value of the wrong
 * kind counts as absent. Keeping these conversions means a profile that Keycloak accepts is
 * read the same way here.
 */
public final class ValidatorConfig {

    static final ValidatorConfig EMPTY = new ValidatorConfig(Map.of());

    private final Map<String, Object> values;

    ValidatorConfig(Map<String, Object> values) {
        this.values = values == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The raw configuration, as parsed from JSON. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    /** A string value; other kinds of value count as absent. */
    public String string(String key) {
        return values.get(key) instanceof String text ? text : null;
    }

    /** A whole number: a JSON number (truncated) or a decimal string; anything else is null. */
    public Integer integer(String key) {
        Object value = values.get(key);
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Like {@link #integer(String)}, with the range of a long. */
    public Long longValue(String key) {
        Object value = values.get(key);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number read as a double; strings are parsed with Java's double syntax. */
    public Double doubleValue(String key) {
        Object value = values.get(key);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A JSON boolean, or a string where only {@code true} (any case) is true. */
    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            return Boolean.parseBoolean(text);
        }
        return defaultValue;
    }

    /** A JSON array, as it was parsed; anything else is null. */
    public List<?> list(String key) {
        return values.get(key) instanceof List<?> list ? list : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidatorConfig config && values.equals(config.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
