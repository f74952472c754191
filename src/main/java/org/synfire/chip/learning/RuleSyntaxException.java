package org.synfire.chip.learning;

/**
 * A learning rule that does not parse or cannot be represented on the chip.
 *
 * <p>The message has the form {@code at P: expected E but found F}, with P the 0-based character
 * position in {@link #text()}.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final int position;
    private final String expected;
    private final String found;

    public RuleSyntaxException(String text, int position, String expected, String found) {
        super("at " + position + ": expected " + expected + " but found " + found);
        this.text = text == null ? "" : text;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** The rule text that was parsed. */
    public String text() {
        return text;
    }

    /** 0-based character (UTF-16 unit) index into {@link #text()}. */
    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /**
     * The rule on one line and a caret under the error position on the next. Control characters are
     * shown as spaces so the caret stays aligned.
     */
    public String caretLine() {
        StringBuilder b = new StringBuilder(text.length() * 2 + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        b.append('\n');
        b.append(" ".repeat(Math.max(0, position)));
        b.append('^');
        return b.toString();
    }
}
