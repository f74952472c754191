package org.synfire.net;

/** Where a connection's weights come from. */
public sealed interface WeightSpec {

    /** One weight in weight units; the mantissa and exponent are chosen when compiling (or use the connection's exponent). */
    record Scalar(int weight) implements WeightSpec {}

    /** One stored mantissa; the connection must give the exponent. */
    record Mantissa(int mantissa) implements WeightSpec {}

    /**
     * A (pre × post) matrix in weight units, optionally transposed and then negated (the W2ᵀ and −W2ᵀ
     * copies). With {@code saturate}, values beyond what the connection can store are clamped to its
     * range, as the learning engine clamps (−(−256) is stored as 254), instead of being an error.
     */
    record Matrix(MatrixSource source, boolean transpose, boolean negate, boolean saturate) implements WeightSpec {
        public Matrix(MatrixSource source, boolean transpose, boolean negate) {
            this(source, transpose, negate, false);
        }
    }

    /** Explicit synapses; {@code file} is where they were read from, or null if written inline. */
    record Synapses(String file, SparseSynapses synapses) implements WeightSpec {}

    /** A named matrix is supplied by the program at compile time; a file matrix is read when the network is loaded. */
    sealed interface MatrixSource {
        record Named(String name) implements MatrixSource {}

        record File(String file, IntMatrix data) implements MatrixSource {}
    }

    /** The scalar kinds (one weight for every synapse). */
    default boolean isScalar() {
        return this instanceof Scalar || this instanceof Mantissa;
    }
}
