package io.keycloaksignup.mail;

/** What an outbox message is; the name is stored in {@code outbox.kind}. */
public enum OutboxKind {
    /** The link that confirms the address; its token is created when the mail is sent. */
    VERIFICATION_MAIL,
    /** "Your account is ready", after the worker finished an account the person was not waiting for. */
    ACCOUNT_READY_MAIL;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static OutboxKind ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
