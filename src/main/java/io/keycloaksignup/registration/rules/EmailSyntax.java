package io.keycloaksignup.registration.rules;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * The address syntax Keycloak accepts (it follows Hibernate Validator's), described here in
 * our own terms. Letters are compared without case and every character from U+0080 to U+FFFF
 * counts as a letter, so internationalized addresses pass.
 * <ul>
 * <li>The address splits at its last {@code @}.
 * <li>The local part has at most the configured number of UTF-16 units and is a dot-separated
 * list of words, each either a run of letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, or a
 * quoted string that may also hold spaces, {@code .(),<>[]:;@}, {@code \\} and {@code \"}.
 * <li>The domain does not end with a dot, converts to ASCII with {@link IDN#toASCII(String)}
 * into at most 255 characters, and is a dot-separated list of labels (letters, digits and
 * {@code !#$%&'*+/=?^`{|}~}, with hyphens only inside a label), or a bracketed IPv4 address of
 * four groups of one to three digits, or a bracketed {@code IPv6:} address, see
 * {@link Ipv6Literal}.
 * </ul>
 */
final class EmailSyntax {

    private static final int MAX_DOMAIN_LENGTH = 255;
    private static final String ATOM_CHAR = "[a-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uffff]";
    private static final String QUOTED_CHAR =
            "(?:[a-z0-9!#$%&'*.(),<>\\[\\]:; @+/=?^_`{|}~\\-\\u0080-\\uffff]|\\\\\\\\|\\\\\")";
    private static final String WORD = "(?:" + ATOM_CHAR + "+|\"" + QUOTED_CHAR + "+\")";
    private static final Pattern LOCAL_PART =
            Pattern.compile(WORD + "(?:\\." + WORD + ")*", Pattern.CASE_INSENSITIVE);

    private static final String LABEL_CHAR = "[a-z0-9!#$%&'*+/=?^`{|}~\\u0080-\\uffff]";
    private static final String LABEL = LABEL_CHAR + "+(?:-+" + LABEL_CHAR + "+)*";
    private static final Pattern HOST_NAME =
            Pattern.compile(LABEL + "(?:\\." + LABEL + ")*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4_LITERAL =
            Pattern.compile("\\[[0-9]{1,3}(?:\\.[0-9]{1,3}){3}]");
    private static final String IPV6_PREFIX = "[IPv6:";

    private EmailSyntax() {
    }

    static boolean isValid(String address, int maxLocalPartLength) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String localPart = address.substring(0, at);
        String domain = address.substring(at + 1);
        return localPart.length() <= maxLocalPartLength
                && LOCAL_PART.matcher(localPart).matches()
                && isValidDomain(domain);
    }

    private static boolean isValidDomain(String domain) {
        if (domain.endsWith(".")) {
            return false;
        }
        try {
            if (IDN.toASCII(domain).length() > MAX_DOMAIN_LENGTH) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return HOST_NAME.matcher(domain).matches()
                || IPV4_LITERAL.matcher(domain).matches()
                || isIpv6Literal(domain);
    }

    private static boolean isIpv6Literal(String domain) {
        return domain.length() > IPV6_PREFIX.length() + 1
                && domain.regionMatches(true, 0, IPV6_PREFIX, 0, IPV6_PREFIX.length())
                && domain.endsWith("]")
                && Ipv6Literal.isValid(domain.substring(IPV6_PREFIX.length(), domain.length() - 1));
    }
}
