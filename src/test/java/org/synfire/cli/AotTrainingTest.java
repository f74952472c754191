package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Datasets;
import org.synfire.data.Split;
import org.synfire.data.Variant;

/** The AOT training run's synthetic dataset is a valid MNIST-format set with activity in every sample. */
class AotTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void theSyntheticDatasetReadsAsMnistWithActivePixels() throws IOException {
        AotTraining.writeDataset(tmp.resolve("mnist"), 30, 20);
        for (Split split : Split.values()) {
            BinaryDataset d = Datasets.fromFiles(tmp.resolve("mnist/" + split.filePrefix + "-images-idx3-ubyte"),
                    tmp.resolve("mnist/" + split.filePrefix + "-labels-idx1-ubyte"), Variant.MNIST20, 0.5);
            assertThat(d.size()).isEqualTo(split == Split.TRAIN ? 30 : 20);
            for (int i = 0; i < d.size(); i++) {
                int on = 0;
                for (int k = 0; k < d.inputCount(); k++) on += d.inputs()[i * d.inputCount() + k];
                assertThat(on).isBetween(50, 150);
            }
        }
    }
}
