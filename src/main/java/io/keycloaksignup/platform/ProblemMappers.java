package io.keycloaksignup.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.keycloaksignup.web.ErrorPages;
import io.keycloaksignup.web.Pages;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Client errors get a problem document with
 * a stable code and are logged at DEBUG; server errors get a generic body and are logged once at
 * ERROR with their cause. No exception text ever reaches a client. Browsers (HTML preferred
 * over JSON in {@code Accept}) get a friendly page with the same status instead of the document;
 * the sign-up page handles its own validation and "closed" answers, so only the failures that
 * can reach any page (not found, busy, server error) have a page here.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ErrorPages errorPages;

    public ProblemMappers(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        LOG.debugf("Rejected input: %s", e.getMessage());
        return problem(Problem.validation(e.errors()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return problem(Problem.validation(List.of(
                    new FieldError(field, "field_unknown", "This field is not accepted here."))));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problem(Problem.validation(List.of(
                    new FieldError(field, "field_invalid_type", "This field has the wrong type."))));
        }
        LOG.debugf("Malformed JSON body: %s", e.getClass().getSimpleName());
        return problem(Problem.of(400, "malformed_json", "The body is not valid JSON",
                "Send a JSON object with the documented fields."));
    }

    /** Quarkus maps this subtype itself unless told otherwise; its answer would not be ours. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response registrationClosed(RegistrationClosedException e) {
        return problem(Problem.of(403, "registration_disabled", "Registration is closed",
                "New accounts cannot be created here at the moment."));
    }

    @ServerExceptionMapper
    public Response accountExists(AccountExistsException e) {
        return problem(Problem.of(409, "account_exists", "An account already exists",
                "An account with this email address or username already exists. Log in or reset the password."));
    }

    @ServerExceptionMapper
    public Response serviceBusy(ServiceBusyException e, HttpHeaders headers) {
        LOG.warnf("Answered 503 (%s): %s", e.code(), e.getMessage());
        if (Pages.wantsHtml(headers)) {
            return Response.fromResponse(errorPages.page(503)).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        return Response.status(503)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .type(Problem.MEDIA)
                .entity(Problem.of(503, e.code(), "The service is busy",
                        "Nothing was lost; please try again in a few seconds."))
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers);
        }
        LOG.debugf("Answered %d: %s", status, e.getClass().getSimpleName());
        if (Pages.wantsHtml(headers)) {
            return errorPages.page(status);
        }
        return problem(clientProblem(status));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Answered 503: the database is unavailable (%s)", e.getClass().getSimpleName());
            if (Pages.wantsHtml(headers)) {
                return Response.fromResponse(errorPages.page(503)).header(HttpHeaders.RETRY_AFTER, "10").build();
            }
            return Response.status(503)
                    .header(HttpHeaders.RETRY_AFTER, "10")
                    .type(Problem.MEDIA)
                    .entity(Problem.of(503, "database_unavailable", "The service is briefly unavailable",
                            "Nothing was stored; please try again in a few seconds."))
                    .build();
        }
        LOG.error("Unexpected failure while handling a request", e);
        if (Pages.wantsHtml(headers)) {
            return errorPages.page(500);
        }
        return problem(Problem.of(500, "internal_error", "Something went wrong on our side",
                "The request could not be completed. Please try again later."));
    }

    /** A lost or refused database connection (SQL state class 08, or a pool that cannot connect). */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (String.valueOf(sql.getSQLState()).startsWith("08")
                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout"))) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    static Problem clientProblem(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad_request", "The request is not valid", null);
            case 401 -> Problem.of(401, "unauthorized", "Authentication is required", null);
            case 403 -> Problem.of(403, "forbidden", "This is not allowed", null);
            case 404 -> Problem.of(404, "not_found", "Nothing is here", null);
            case 405 -> Problem.of(405, "method_not_allowed", "This method is not allowed here", null);
            case 406 -> Problem.of(406, "not_acceptable", "No acceptable representation", null);
            case 413 -> Problem.of(413, "payload_too_large", "The body is too large", null);
            case 415 -> Problem.of(415, "unsupported_media_type", "Unsupported content type",
                    "Send the body as application/json.");
            default -> Problem.of(status, "client_error", "The request cannot be handled", null);
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA).entity(problem).build();
    }
}
