package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * One of Keycloak's validators, re-implemented. It sees all values of one attribute, as in
 * Keycloak, and reports at most one violation, so that a form shows one message per rule.
 */
interface ValueRule {

    Optional<Violation> check(List<String> values, ValidatorConfig config, RuleContext context);
}
