package io.keycloaksignup.registration.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.registration.EmailAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailPolicyTest {

    @ParameterizedTest(name = "{0} allowed by [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        "ada@example.com        | example.com   | true",
        "ada@EXAMPLE.com        | example.com   | true",
        "ada@mail.example.com   | example.com   | false",
        "ada@mail.example.com   | *.example.com | true",
        "ada@example.com        | *.example.com | true",
        "ada@badexample.com     | *.example.com | false",
        "ada@example.org        | example.com   | false",
    })
    void anAllowListAdmitsOnlyItsDomains(String address, String rule, boolean admitted) {
        EmailPolicy policy = new EmailPolicy(List.of(rule), List.of(), Optional.empty());

        assertThat(policy.check(EmailAddress.of(address)).isEmpty()).isEqualTo(admitted);
    }

    @Test
    void aDenyListRefusesItsDomainsAndSubdomainsWithOneCode() {
        EmailPolicy policy = new EmailPolicy(List.of(), List.of("*.spam.test", "rival.test"), Optional.empty());

        assertThat(policy.check(EmailAddress.of("x@a.spam.test"))).map(FieldError::code)
                .contains("email_domain_not_allowed");
        assertThat(policy.check(EmailAddress.of("x@rival.test"))).map(FieldError::code)
                .contains("email_domain_not_allowed");
        assertThat(policy.check(EmailAddress.of("x@sub.rival.test"))).isEmpty();
        assertThat(policy.check(EmailAddress.of("x@example.com"))).isEmpty();
    }

    @Test
    void internationalDomainsCompareInTheirAsciiForm() {
        EmailPolicy policy = new EmailPolicy(List.of("bücher.example"), List.of(), Optional.empty());

        assertThat(policy.check(EmailAddress.of("ada@xn--bcher-kva.example"))).isEmpty();
        assertThat(policy.check(EmailAddress.of("ada@BÜCHER.example"))).isEmpty();
    }

    @Test
    void refusesDisposableDomainsWhenTheListIsOn() {
        EmailPolicy on = new EmailPolicy(List.of(), List.of(), Optional.of(DisposableDomains.load()));
        EmailPolicy off = new EmailPolicy(List.of(), List.of(), Optional.empty());

        assertThat(on.check(EmailAddress.of("x@mailinator.com"))).map(FieldError::code).contains("email_disposable");
        assertThat(on.check(EmailAddress.of("x@gmail.com"))).isEmpty();
        assertThat(off.check(EmailAddress.of("x@mailinator.com"))).isEmpty();
    }
}
