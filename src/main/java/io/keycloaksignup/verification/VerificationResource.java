package io.keycloaksignup.verification;

import io.keycloaksignup.web.Links;
import io.keycloaksignup.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The pages behind the link in the verification mail. GET only shows what would be confirmed
 * (link scanners and previews must not spend the token); the button POSTs the token back. The
 * forms carry a CSRF field like every form of the service: the confirm page is always shown
 * before the button is pressed, so a real person always has the matching cookie.
 */
@Path("/verify")
@Produces(MediaType.TEXT_HTML)
public class VerificationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String maskedEmail, String username);

        static native TemplateInstance result(String status, Links links, String token, String continueUrl);
    }

    private final VerificationService verification;
    private final Links links;
    private final Pages pages;

    public VerificationResource(VerificationService verification, Links links, Pages pages) {
        this.verification = verification;
        this.links = links;
        this.pages = pages;
    }

    @GET
    public Response show(@RestQuery String token) {
        VerificationResult result = verification.preview(token);
        if (result.status() == VerificationStatus.CONFIRM) {
            return pages.render(200, Templates.confirm(token, result.maskedEmail(), result.username()));
        }
        return resultPage(result, token);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestForm String token) {
        return resultPage(verification.confirm(token), token);
    }

    private Response resultPage(VerificationResult result, String token) {
        // Only the "try again" form needs the token back; other pages must not carry it.
        String retryToken = result.status() == VerificationStatus.IN_PROGRESS ? token : null;
        String continueUrl = result.continueUrl() != null ? result.continueUrl() : links.account();
        return pages.render(result.status().httpStatus(),
                Templates.result(result.status().name(), links, retryToken, continueUrl));
    }
}
