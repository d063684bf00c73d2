package io.keycloaksignup.devenv;

import java.util.List;
import java.util.Map;

/** What the dev mail page reads from the captured mail, in JDK types only. */
public interface DevMailboxMBean {

    /** Captured mails, newest first: keys to, subject, sentAt, text. */
    List<Map<String, String>> getMessages();
}
