package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.chip.probe.StateProbe;
import org.synfire.chip.probe.WeightProbe;
import org.synfire.io.Npy;
import org.synfire.report.ProbeExport;

class ProbeExportTest {

    @Test
    void spikesAreSortedByStepThenPopulationNameThenIndex(@TempDir Path dir) throws Exception {
        SpikeProbe reward = new SpikeProbe("reward", 1, 1, 10);
        SpikeProbe b = new SpikeProbe("b", 4, 1, 10);
        SpikeProbe a = new SpikeProbe("a", 4, 1, 10);
        b.record(2, new int[] {3, 1}, 2); // indices out of order within a step
        b.record(5, new int[] {0}, 1);
        a.record(5, new int[] {2, 0}, 2);
        a.record(7, new int[] {1}, 1);
        reward.record(2, new int[] {0}, 1);
        long n = ProbeExport.writeSpikes(dir.resolve("s.csv"), List.of(reward, b, a));
        assertThat(n).isEqualTo(7);
        assertThat(Files.readString(dir.resolve("s.csv")))
                .isEqualTo("step,population,index\n2,b,1\n2,b,3\n2,reward,0\n5,a,0\n5,a,2\n5,b,0\n7,a,1\n");
        assertThat(ProbeExport.writeSpikes(dir.resolve("empty.csv"), List.of())).isZero();
        assertThat(Files.readString(dir.resolve("empty.csv"))).isEqualTo("step,population,index\n");
    }

    @Test
    void stateProbesGiveACsvAndAMatchingNpy(@TempDir Path dir) throws Exception {
        StateProbe p = new StateProbe("h1", StateProbe.Variable.V, new int[] {0, 3}, 1, 3);
        p.record(1, new int[] {10, 11, 12, 13});
        p.record(2, new int[] {-20, 21, 22, 23});
        ProbeExport.writeState(dir.resolve("v.csv"), dir.resolve("v.npy"), p);
        assertThat(Files.readString(dir.resolve("v.csv"))).isEqualTo("step,v:h1[0],v:h1[3]\n1,10,13\n2,-20,23\n");
        Npy.Array a = Npy.read(dir.resolve("v.npy"));
        assertThat(a.shape()).containsExactly(2, 2);
        assertThat(a.toIntArray()).containsExactly(10, 13, -20, 23);
    }

    @Test
    void weightsAreWrittenAsMantissasAndInWeightUnitsAndASharedWeightStandsForEveryPair(@TempDir Path dir) throws Exception {
        WeightProbe shared = new WeightProbe("g", 1, 1, 2);
        shared.record(1, new int[] {136});
        // 136·2^6 = 8704 weight units
        ProbeExport.writeWeights(dir.resolve("g.csv"), dir.resolve("g.npy"), dir.resolve("gm.npy"), shared,
                new ProbeExport.WeightGeometry(new int[] {0, 0, 0}, new int[] {0, 1, 2}, new int[] {1, 3}, 6));
        assertThat(Files.readString(dir.resolve("g.csv")))
                .isEqualTo("step,pre,post,mantissa,weight_wu\n1,0,0,136,8704\n1,0,1,136,8704\n1,0,2,136,8704\n");
        assertThat(Npy.read(dir.resolve("g.npy")).shape()).containsExactly(1, 1, 3);
        assertThat(Npy.read(dir.resolve("gm.npy")).toIntArray()).containsExactly(136, 136, 136);

        WeightProbe sparse = new WeightProbe("s", 5, 5, 10);
        sparse.record(5, new int[] {3, -3});
        sparse.record(10, new int[] {4, -4});
        // exponent -1: ⌊m / 2⌋, rounding toward minus infinity like the chip: 3 → 1, −3 → −2, 4 → 2, −4 → −2
        ProbeExport.writeWeights(dir.resolve("s.csv"), dir.resolve("s.npy"), dir.resolve("sm.npy"), sparse,
                new ProbeExport.WeightGeometry(new int[] {0, 2}, new int[] {1, 0}, new int[] {2}, -1));
        assertThat(Files.readString(dir.resolve("s.csv")))
                .isEqualTo("step,pre,post,mantissa,weight_wu\n5,0,1,3,1\n5,2,0,-3,-2\n10,0,1,4,2\n10,2,0,-4,-2\n");
        Npy.Array a = Npy.read(dir.resolve("s.npy"));
        assertThat(a.shape()).containsExactly(2, 2);
        assertThat(a.toIntArray()).containsExactly(1, -2, 2, -2);
        assertThat(Npy.read(dir.resolve("sm.npy")).toIntArray()).containsExactly(3, -3, 4, -4);
    }

    @Test
    void fileStemsAreSafeAndKeepTheNameReadable() {
        // ':' becomes '.', which no name contains, so the type stays apart from names with '_'
        assertThat(ProbeExport.fileStem("x->h1:p")).isEqualTo("x-to-h1.p");
        assertThat(ProbeExport.fileStem("m_h1->h1:1e_d1")).isEqualTo("m_h1-to-h1.1e_d1");
        assertThat(ProbeExport.fileStem("oT-->h1T:p")).isEqualTo("oT--to-h1T.p");
        assertThat(ProbeExport.fileStem("d+")).isEqualTo("d+");
        assertThat(ProbeExport.fileStem("a/b c")).isEqualTo("a_b_c");
    }
}
