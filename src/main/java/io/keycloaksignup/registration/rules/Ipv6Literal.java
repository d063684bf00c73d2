package io.keycloaksignup.registration.rules;

import java.util.regex.Pattern;

/**
 * The IPv6 addresses Keycloak accepts inside {@code [IPv6:...]} email domains, case-insensitive:
 * <ul>
 * <li>eight groups of one to four hex digits, or fewer groups around a single {@code ::}, at
 * most seven groups in all;
 * <li>a link-local {@code fe80:} address with up to four further {@code :}-led groups of zero
 * to four hex digits and a {@code %zone} of letters and digits;
 * <li>an IPv4 address after {@code ::}, {@code ::ffff:}, {@code ::ffff:0:} or after one to four
 * groups and {@code ::}; its parts have one or two digits, or three from 100 to 255.
 * </ul>
 */
final class Ipv6Literal {

    private static final int MAX_COMPRESSED_GROUPS = 7;
    private static final Pattern HEX_GROUP =
            Pattern.compile("[0-9a-f]{1,4}", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_LOCAL =
            Pattern.compile("fe80:(?::[0-9a-f]{0,4}){0,4}%[0-9a-z]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4_LEAD = Pattern.compile(
            "::(?:ffff(?::0{1,4})?:)?|(?:[0-9a-f]{1,4}:){1,4}:", Pattern.CASE_INSENSITIVE);

    private Ipv6Literal() {
    }

    static boolean isValid(String address) {
        return isGroups(address) || LINK_LOCAL.matcher(address).matches() || isIpv4Tailed(address);
    }

    private static boolean isGroups(String address) {
        int gap = address.indexOf("::");
        if (gap < 0) {
            return countGroups(address) == 8;
        }
        if (address.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int head = countGroups(address.substring(0, gap));
        int tail = countGroups(address.substring(gap + 2));
        return head >= 0 && tail >= 0 && head + tail <= MAX_COMPRESSED_GROUPS;
    }

    /** The number of {@code :}-separated hex groups, 0 for an empty text, -1 if malformed. */
    private static int countGroups(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        String[] groups = text.split(":", -1);
        for (String group : groups) {
            if (!HEX_GROUP.matcher(group).matches()) {
                return -1;
            }
        }
        return groups.length;
    }

    private static boolean isIpv4Tailed(String address) {
        int lastColon = address.lastIndexOf(':');
        return lastColon >= 0
                && IPV4_LEAD.matcher(address.substring(0, lastColon + 1)).matches()
                && isIpv4(address.substring(lastColon + 1));
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}")
                    || (part.length() == 3 && Integer.parseInt(part) < 100)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
