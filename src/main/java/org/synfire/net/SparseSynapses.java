package org.synfire.net;

import java.util.Arrays;

/** Synapse k links pre[k] to post[k] with weight[k] (weight units). */
public record SparseSynapses(int[] pre, int[] post, int[] weight) {
    public SparseSynapses {
        if (pre.length != post.length || pre.length != weight.length) {
            throw new IllegalArgumentException("sparse lists differ in length: pre " + pre.length + ", post " + post.length + ", weight " + weight.length);
        }
        pre = pre.clone();
        post = post.clone();
        weight = weight.clone();
    }

    public int size() {
        return pre.length;
    }

    @Override public int[] pre() { return pre.clone(); }
    @Override public int[] post() { return post.clone(); }
    @Override public int[] weight() { return weight.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseSynapses s && Arrays.equals(pre, s.pre) && Arrays.equals(post, s.post) && Arrays.equals(weight, s.weight);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(pre) + Arrays.hashCode(post)) + Arrays.hashCode(weight);
    }

    @Override
    public String toString() {
        return "SparseSynapses[" + pre.length + " synapses]";
    }
}
