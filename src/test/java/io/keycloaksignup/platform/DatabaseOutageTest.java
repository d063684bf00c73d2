package io.keycloaksignup.platform;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.keycloaksignup.testing.EmbeddedDatabase;
import io.keycloaksignup.testing.InjectDatabase;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away for a moment: requests fail with 503 and a clear body, then all is well. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class DatabaseOutageTest {

    @InjectDatabase
    EmbeddedDatabase database;

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversByItself() {
        database.stop();
        try {
            register(body(uniqueEmail())).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("database_unavailable"));
        } finally {
            database.start();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 202) {
            status = register(body(uniqueEmail())).statusCode();
        }
        assertThat(status).as("sign-up works again once the database is back").isEqualTo(202);
    }
}
