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
     * range, as the learning engine clamps (−(−256) is stored as 254), instead of being an error. With
     * {@code mantissas}, the values are the stored mantissas (NxSDK's weight), and the connection gives the exponent.
     */
    record Matrix(MatrixSource source, boolean transpose, boolean negate, boolean saturate, boolean mantissas) implements WeightSpec {
        public Matrix(MatrixSource source, boolean transpose, boolean negate) {
            this(source, transpose, negate, false, false);
        }

        public Matrix(MatrixSource source, boolean transpose, boolean negate, boolean saturate) {
            this(source, transpose, negate, saturate, false);
        }
    }

    /**
     * Explicit synapses; {@code file} is where they were read from, or null if written inline. With {@code mantissas},
     * the third column holds stored mantissas, and the connection gives the exponent.
     */
    record Synapses(String file, SparseSynapses synapses, boolean mantissas) implements WeightSpec {
        public Synapses(String file, SparseSynapses synapses) {
            this(file, synapses, false);
        }
    }

    /** A named matrix is supplied by the program at compile time; a file matrix is read when the network is loaded. */
    sealed interface MatrixSource {
        record Named(String name) implements MatrixSource {}

        record File(String file, IntMatrix data) implements MatrixSource {}
    }

    /** The scalar kinds (one weight for every synapse). */
    default boolean isScalar() {
        return this instanceof Scalar || this instanceof Mantissa;
    }

    /** The values are stored mantissas, not weight units: they need the connection's exponent. */
    default boolean inMantissas() {
        return this instanceof Mantissa || this instanceof Matrix m && m.mantissas() || this instanceof Synapses s && s.mantissas();
    }
}
