package io.keycloaksignup.registration.rules;

/**
 * What a rule may need besides the values: the attribute's name (for logs, never the values),
 * whether the user must fill it in, and the realm settings.
 */
record RuleContext(String attribute, boolean required, RealmContext realm) {
}
