package io.keycloaksignup.platform;

/** A dependency or a bounded resource cannot take the request now; answered with 503. */
public class ServiceBusyException extends RuntimeException {

    private final String code;

    public ServiceBusyException(String reason) {
        this("service_busy", reason, null);
    }

    public ServiceBusyException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
