package org.synfire.net;

import java.util.Collection;
import java.util.regex.Pattern;

/** Naming rules shared by the file format and the builder, and the "did you mean" helper. */
public final class Names {
    /** Letters, digits, '_', '+' and '-' (the authors' populations include d+, d− and oT-), no "->". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+\\-]+");
    /** Parameters appear in expressions, so they are identifiers. */
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {}

    /** Null if {@code name} is a valid element name, else the reason. */
    static String checkName(String name) {
        if (name == null || name.isEmpty()) return "a name must not be empty";
        if (!NAME.matcher(name).matches()) return "name '" + name + "' may only contain letters, digits, '_', '+' and '-'";
        if (name.contains("->")) return "name '" + name + "' must not contain '->' (it separates source and target in projection names)";
        return null;
    }

    static String checkParameter(String name) {
        if (name == null || !PARAMETER.matcher(name).matches()) return "parameter name '" + name + "' must be an identifier (letters, digits, '_', not starting with a digit)";
        return null;
    }

    static void require(String name, String what) {
        String bad = checkName(name);
        if (bad != null) throw new IllegalArgumentException(what + ": " + bad);
    }

    /** "; did you mean 'x'?" for the closest candidate within a small edit distance, else "". */
    public static String suggest(String given, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best == null) return "";
        int limit = Math.max(1, Math.min(3, given.length() / 3));
        return bestD <= limit ? "; did you mean '" + best + "'?" : "";
    }

    /** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
