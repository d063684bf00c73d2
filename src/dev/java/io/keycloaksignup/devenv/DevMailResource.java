package io.keycloaksignup.devenv;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /dev/mail}: the mail captured in dev mode, with clickable links. LOCAL DEVELOPMENT ONLY. */
@Path("/dev/mail")
@IfBuildProfile("dev")
public class DevMailResource {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** One captured mail and the links found in its text. */
    public record CapturedMail(String to, String subject, String sentAt, String text, List<String> links) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<CapturedMail> mails);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        List<CapturedMail> mails = DevMailbox.read().stream().map(DevMailResource::toMail).toList();
        return Templates.index(mails);
    }

    private static CapturedMail toMail(Map<String, String> mail) {
        String text = mail.getOrDefault("text", "");
        Matcher matcher = LINK.matcher(text);
        List<String> links = matcher.results().map(MatchResult::group).distinct().toList();
        return new CapturedMail(mail.get("to"), mail.get("subject"), mail.get("sentAt"), text, links);
    }
}
