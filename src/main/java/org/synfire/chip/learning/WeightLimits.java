package org.synfire.chip.learning;

/**
 * Saturation range of learned weights per sign mode (docs/learning.md#weight-limits). With n the dropped bits of the
 * format ({@link WeightFormat#droppedBits()}).
 */
public enum WeightLimits {
    /**
     * Synfire default (B2L; LAVA's clip_weights for learning simulation): mixed [-256, 256 - 2^n],
     * excitatory [0, 256 - 2^n], inhibitory [-256, 0]. Both ends lie on the precision grid.
     */
    BRIAN2_LOIHI,
    /** LAVA's learning connection: mixed [-256, 255], excitatory [0, 255], inhibitory [-255, 0]. */
    LAVA,
    /** nengo-loihi clips the magnitude: mixed [-(256 - 2^n), 256 - 2^n], inhibitory [-(256 - 2^n), 0]. */
    NENGO_LOIHI;

    public int min(WeightFormat f) {
        int top = 256 - f.grid();
        return switch (f.signMode()) {
            case EXCITATORY -> 0;
            case MIXED, INHIBITORY -> switch (this) {
                case BRIAN2_LOIHI -> -256;
                case LAVA -> f.signMode() == SignMode.MIXED ? -256 : -255;
                case NENGO_LOIHI -> -top;
            };
        };
    }

    public int max(WeightFormat f) {
        return switch (f.signMode()) {
            case INHIBITORY -> 0;
            case MIXED, EXCITATORY -> this == LAVA ? 255 : 256 - f.grid();
        };
    }
}
