package org.synfire.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network as data, with every parameter and expression already evaluated. Made by
 * {@link NetworkLoader} from a file or by {@link NetworkBuilder} in Java; both give equal values for the
 * same network. Maps keep declaration order, which is also the order of chip handles.
 *
 * @param parameters the effective parameter values (defaults with the overrides applied)
 * @param sourceMap where each part was written; not part of equality (the same network read from YAML
 *     and from JSON is equal)
 */
public record NetworkDescription(String name, String description, Map<String, Integer> parameters,
                                 Map<String, NeuronType> neuronTypes, Map<String, ConnectionType> connectionTypes,
                                 Map<String, LearningRuleDef> learningRules, Map<String, Population> populations,
                                 Map<String, SpikeGeneratorDef> spikeGenerators, List<Projection> projections,
                                 SourceMap sourceMap) {
    public NetworkDescription {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = frozen(parameters);
        neuronTypes = frozen(neuronTypes);
        connectionTypes = frozen(connectionTypes);
        learningRules = frozen(learningRules);
        populations = frozen(populations);
        spikeGenerators = frozen(spikeGenerators);
        projections = List.copyOf(projections);
        sourceMap = sourceMap == null ? SourceMap.none("network '" + name + "'") : sourceMap;
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public Projection projection(String projectionName) {
        for (Projection p : projections) if (p.name().equals(projectionName)) return p;
        return null;
    }

    /** Key path of a projection's entry in the description (for error messages). */
    public String projectionPath(Projection p) {
        return sourceMap.projectionPath(projections.indexOf(p));
    }

    /** Equal when they describe the same network; where they were written is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkDescription d && name.equals(d.name) && description.equals(d.description)
                && parameters.equals(d.parameters) && neuronTypes.equals(d.neuronTypes) && connectionTypes.equals(d.connectionTypes)
                && learningRules.equals(d.learningRules) && populations.equals(d.populations)
                && spikeGenerators.equals(d.spikeGenerators) && projections.equals(d.projections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, parameters, neuronTypes, connectionTypes, learningRules, populations, spikeGenerators, projections);
    }
}
