package io.keycloaksignup.devenv;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The mail captured by the dev SMTP server, LOCAL DEVELOPMENT ONLY. Published as a platform
 * MBean because dev mode reloads application classes in new class loaders while the mail server
 * keeps running; the MBean hands out JDK types only, which every class loader understands.
 */
public class DevMailbox implements DevMailboxMBean {

    static final String NAME = "io.keycloaksignup.dev:type=Mailbox";

    private final GreenMail greenMail;

    DevMailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static void publish(GreenMail greenMail) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new DevMailbox(greenMail), new ObjectName(NAME));
        } catch (JMException e) {
            throw new IllegalStateException("cannot publish the dev mailbox", e);
        }
    }

    /** The captured mails, read through the platform MBean server. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, String>> read() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            return (List<Map<String, String>>) server.getAttribute(new ObjectName(NAME), "Messages");
        } catch (JMException e) {
            return List.of();
        }
    }

    @Override
    public List<Map<String, String>> getMessages() {
        // Jakarta Mail finds its providers through the context class loader: use the mail server's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GreenMail.class.getClassLoader());
        try {
            List<Map<String, String>> messages = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                messages.add(describe(message));
            }
            Collections.reverse(messages);
            return messages;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Map<String, String> describe(MimeMessage message) {
        Map<String, String> mail = new LinkedHashMap<>();
        try {
            mail.put("to", Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).collect(Collectors.joining(", ")));
            mail.put("subject", String.valueOf(message.getSubject()));
            mail.put("sentAt", String.valueOf(message.getSentDate()));
            mail.put("text", text(message));
        } catch (MessagingException | IOException e) {
            mail.put("text", "(unreadable mail: " + e.getMessage() + ")");
        }
        return mail;
    }

    /**
     * The plain-text part, decoded. Parsed by hand rather than with getContent(), which depends on
     * handlers that dev mode's class loaders do not always find.
     */
    private static String text(MimeMessage message) throws MessagingException, IOException {
        if (message.isMimeType("multipart/*")) {
            Multipart multipart = new MimeMultipart(message.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return decode(part.getInputStream(), part.getContentType());
                }
            }
        }
        return decode(message.getInputStream(), message.getContentType());
    }

    private static String decode(InputStream body, String contentType) throws IOException, MessagingException {
        String charset = new ContentType(contentType).getParameter("charset");
        try (body) {
            return new String(body.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
        }
    }
}
