package io.keycloaksignup.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mails GreenMail received, the way a person's inbox would show them. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("/verify\\?token=([A-Za-z0-9_-]+)");

    private final GreenMail greenMail;

    public Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** All mails received for the address so far, oldest first. */
    public List<MimeMessage> messagesFor(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .toList();
    }

    /** Waits until the address has received {@code count} mails and returns them. */
    public List<MimeMessage> awaitMessages(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = messagesFor(address);
            if (messages.size() >= count) {
                return messages;
            }
            sleep();
        }
        throw new AssertionError("expected " + count + " mail(s) for " + address + ", got "
                + messagesFor(address).size());
    }

    public MimeMessage awaitLatest(String address, int expectedCount) {
        List<MimeMessage> messages = awaitMessages(address, expectedCount);
        return messages.getLast();
    }

    /** The verification token in the mail's link. */
    public static String tokenIn(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(textPart(message));
        if (!matcher.find()) {
            throw new AssertionError("no verification link in the mail");
        }
        return matcher.group(1);
    }

    public static String textPart(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String htmlPart(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                String found = find(multipart, type);
                if (found != null) {
                    return found;
                }
            } else if (message.isMimeType(type)) {
                return GreenMailUtil.getBody(message);
            }
            throw new AssertionError("the mail has no " + type + " part");
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable mail", e);
        }
    }

    private static String find(Multipart multipart, String type) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
