package io.keycloaksignup.platform;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's own counters, exported with the rest at {@code /q/metrics} (Prometheus format).
 * Tags carry outcomes and kinds only, never anything personal.
 */
@ApplicationScoped
public class SignupMetrics {

    private final MeterRegistry registry;

    public SignupMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A sign-up answered: {@code accepted} (pending verification) or {@code created} (no verification). */
    public void registration(String outcome) {
        registry.counter("signup.registrations", "outcome", outcome).increment();
    }

    /** A mail handed over ({@code sent}), put off ({@code retry}) or given up ({@code dead}). */
    public void mail(String kind, String outcome) {
        registry.counter("signup.mails", "kind", kind, "outcome", outcome).increment();
    }

    /** A provisioning attempt: {@code provisioned}, {@code conflict} or {@code retry}. */
    public void provisioning(String outcome) {
        registry.counter("signup.provisioning", "outcome", outcome).increment();
    }
}
