package org.synfire.sweep.cluster;

import java.util.ArrayList;
import java.util.List;
import org.synfire.UserError;

/** A member's address as given on the command line: HOST:PORT (PORT default 5701; IPv6 as [::1]:5701). */
public record HostPort(String host, int port) {
    public static final int DEFAULT_PORT = 5701;

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public static HostPort parse(String text, String option) {
        String t = text.strip();
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) throw new UserError(option + " " + text + ": missing ']' in an IPv6 address");
            host = t.substring(1, close);
            if (close + 1 < t.length()) {
                if (t.charAt(close + 1) != ':') throw new UserError(option + " " + text + ": expected HOST:PORT");
                port = t.substring(close + 2);
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') != colon) throw new UserError(option + " " + text + ": write an IPv6 address as [ADDRESS]:PORT");
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? null : t.substring(colon + 1);
        }
        if (host.isEmpty()) throw new UserError(option + " " + text + ": no host; expected HOST:PORT");
        int p = DEFAULT_PORT;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new UserError(option + " " + text + ": port '" + port + "' is not a number");
            }
            if (p < 1 || p > 65535) throw new UserError(option + " " + text + ": port " + p + " is outside 1..65535");
        }
        return new HostPort(host, p);
    }

    /** A comma-separated list, at least one. */
    public static List<HostPort> parseList(String text, String option) {
        List<HostPort> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            HostPort h = parse(part, option);
            if (!out.contains(h)) out.add(h);
        }
        if (out.isEmpty()) throw new UserError(option + ": give at least one member as HOST:PORT");
        return out;
    }
}
