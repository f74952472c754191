/**
 * Numeric core of the Loihi 1 learning engine: the sum-of-products rule parser ({@link
 * org.synfire.chip.learning.RuleParser}), the compiled fixed-point evaluator ({@link
 * org.synfire.chip.learning.CompiledRule}) and trace arithmetic ({@link
 * org.synfire.chip.learning.Traces}).
 *
 * <p>Depends on the JDK only. Functions that round stochastically take their random bits as a
 * parameter and hold no generator state, so the chip can feed counter-based bits. Semantics and
 * options: {@code docs/learning.md}.
 */
package org.synfire.chip.learning;
