package org.synfire.cli;

import org.synfire.UserError;

/** Parses a {@code --layers} list such as {@code 400,400,400,10}: inputs, one or more hidden widths, outputs. */
final class Layers {
    private Layers() {}

    static int[] parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length < 3) {
            throw new UserError("--layers " + text + ": give inputs, at least one hidden layer and outputs, e.g. 400,400,10"
                    + " (" + Math.max(0, parts.length - 2) + " hidden layers given; L = 0 has no hidden layer to train)");
        }
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserError("--layers " + text + ": '" + parts[i] + "' is not a whole number");
            }
            if (w[i] < 1) throw new UserError("--layers " + text + ": layer " + i + " has width " + w[i] + "; every layer needs at least one unit");
        }
        return w;
    }
}
