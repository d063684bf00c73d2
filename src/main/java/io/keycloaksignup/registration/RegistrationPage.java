package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.RegistrationClosedException;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.ValidationException;
import io.keycloaksignup.web.Links;
import io.keycloaksignup.web.Messages;
import io.keycloaksignup.web.PageLanguage;
import io.keycloaksignup.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sign-up page for people in a browser: a plain HTML form, no script needed. It shares
 * {@code /register} with the JSON API, told apart by the request's content type, and goes
 * through the same {@link RegistrationService}, so the page cannot drift from the API's rules.
 */
@Path("/register")
@Produces(MediaType.TEXT_HTML)
public class RegistrationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(RegistrationFormView form);

        static native TemplateInstance checkInbox(long validHours);

        static native TemplateInstance closed(String loginUrl);
    }

    private final RegistrationService registrations;
    private final RealmSettings realm;
    private final SignupConfig config;
    private final Links links;
    private final Pages pages;
    private final PageLanguage language;

    public RegistrationPage(RegistrationService registrations, RealmSettings realm, SignupConfig config,
            Links links, Pages pages, PageLanguage language) {
        this.registrations = registrations;
        this.realm = realm;
        this.config = config;
        this.links = links;
        this.pages = pages;
        this.language = language;
    }

    /**
     * The form; an app that links here may name itself and where the person returns after
     * confirming, with Keycloak's parameter names. Both are checked when the form is sent.
     */
    @GET
    public Response show(@RestQuery("client_id") String clientId, @RestQuery("redirect_uri") String redirectUri) {
        if (!config.registration().enabled()) {
            return closed();
        }
        RegistrationForm empty = new RegistrationForm();
        empty.clientId = clientId;
        empty.redirectUri = redirectUri;
        return pages.render(200, Templates.form(view(empty, List.of())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam RegistrationForm form) {
        try {
            return switch (registrations.register(form.toRequest(language.tag()), "web")) {
                // After a redirect, reloading the page does not send the form again.
                case RegistrationOutcome.Accepted accepted ->
                        Response.seeOther(URI.create("/register/check-inbox")).build();
                case RegistrationOutcome.Created created -> Response.seeOther(URI.create(links.account())).build();
            };
        } catch (ValidationException invalid) {
            return pages.render(400, Templates.form(view(form, invalid.errors())));
        } catch (RegistrationClosedException e) {
            return closed();
        }
    }

    /** The same page for every accepted address, so it reveals nothing about who has an account. */
    @GET
    @Path("/check-inbox")
    public Response checkInbox() {
        long hours = Math.max(1, config.verification().lifespan().toHours());
        return pages.render(200, Templates.checkInbox(hours));
    }

    private Response closed() {
        return pages.render(403, Templates.closed(links.account()));
    }

    private RegistrationFormView view(RegistrationForm form, List<FieldError> errors) {
        Messages text = pages.messages();
        List<RegistrationFormView.Error> shown = errors.stream()
                .map(error -> new RegistrationFormView.Error(error.field(),
                        FieldErrorText.label(error.field(), text), FieldErrorText.of(error, text)))
                .toList();
        return new RegistrationFormView(form.email, form.username, form.firstName, form.lastName,
                form.termsAccepted(), !realm.settings().emailAsUsername(),
                config.terms().version().orElse(null),
                config.terms().url().map(URI::toString).orElse(null),
                links.account(), form.clientId, form.redirectUri, shown);
    }
}
