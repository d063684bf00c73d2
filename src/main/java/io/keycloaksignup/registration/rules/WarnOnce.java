package io.keycloaksignup.registration.rules;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs a problem of the profile's configuration once per subject, not once per sign-up. Only
 * names from the configuration go into these messages, never attribute values.
 */
final class WarnOnce {

    private static final Logger LOG = Logger.getLogger(WarnOnce.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private WarnOnce() {
    }

    static void warn(String subject, String format, Object... params) {
        if (WARNED.add(subject)) {
            LOG.warnf(format, params);
        }
    }
}
