package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;

/** Where dataset files come from when a folder is missing, misnamed or partial: --data, SYNFIRE_DATA, ./data. */
class DataDirectoryTest {
    @TempDir
    Path tmp;

    private Datasets datasets(Map<String, String> vars) throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        DataEnvironment env = new DataEnvironment(vars, cwd, Files.createDirectories(tmp.resolve("home")), tmp.resolve("usr-share"));
        return new Datasets(env, VerifiedCache.disabled());
    }

    private static final DataOptions NO_FLAG = new DataOptions(null, false);

    @Test
    void dataIsTheOnlyPlaceSearched() throws IOException {
        Fixtures.copyInto(tmp.resolve("work/data"), "mnist");
        Path flag = Files.createDirectories(tmp.resolve("flag"));
        Fixtures.copyInto(flag, "fashion-mnist");
        Datasets ds = datasets(Map.of());
        // ./data has mnist, but --data names a folder without it: not found, rather than read from ./data
        assertThatThrownBy(() -> ds.find(new DataOptions(flag, false), DatasetRegistry.MNIST, Split.TEST))
                .isInstanceOf(UserError.class)
                .hasMessage("mnist: cannot find t10k-images-idx3-ubyte(.gz).\n"
                        + "Searched (in this order):\n"
                        + "  --data: " + flag.resolve("mnist") + "/ (does not exist), " + flag + "/\n"
                        + "To provide the files (the four IDX files, .gz or uncompressed):\n"
                        + "  synfire data fetch mnist           downloads them into " + tmp.resolve("home/.cache/synfire/datasets/mnist") + "/\n"
                        + "  --data DIR or SYNFIRE_DATA=DIR     where DIR holds mnist/<file> or the files themselves");
        assertThat(ds.find(NO_FLAG, DatasetRegistry.MNIST, Split.TEST).images()).isEqualTo(tmp.resolve("work/data/mnist/t10k-images-idx3-ubyte.gz"));
    }

    @Test
    void aRelativeDataFolderThatDoesNotExistShowsWhereItWasLookedFor() throws IOException {
        Datasets ds = datasets(Map.of());
        assertThatThrownBy(() -> ds.locator(new DataOptions(Path.of("sets"), false)))
                .isInstanceOf(UserError.class)
                .hasMessage("--data sets: no such directory (" + tmp.resolve("work/sets")
                        + "); give the folder that holds mnist/ and fashion-mnist/, or the dataset's files");
    }

    @Test
    void aSetSynfireDataThatDoesNotExistIsAnError() throws IOException {
        Fixtures.copyInto(tmp.resolve("work/data"), "mnist");
        Path gone = tmp.resolve("unmounted/datasets");
        Datasets ds = datasets(Map.of("SYNFIRE_DATA", gone.toString()));
        assertThatThrownBy(() -> ds.find(NO_FLAG, DatasetRegistry.MNIST, Split.TEST))
                .isInstanceOf(UserError.class)
                .hasMessage("$SYNFIRE_DATA=" + gone + ": no such directory; point it at the folder that holds mnist/ and fashion-mnist/,"
                        + " unset it, or pass --data DIR");
        // --data overrides it, and then SYNFIRE_DATA is not looked at
        assertThat(ds.find(new DataOptions(tmp.resolve("work/data"), false), DatasetRegistry.MNIST, Split.TEST).labels())
                .isEqualTo(tmp.resolve("work/data/mnist/t10k-labels-idx1-ubyte.gz"));
        // data list only marks it
        assertThat(ds.status(NO_FLAG, DatasetRegistry.MNIST)).extracting(Datasets.FileStatus::state)
                .containsOnly(Datasets.State.NOT_CHECKED);
    }

    @Test
    void aPartialFolderIsAnErrorEvenWhenALaterPlaceIsComplete() throws IOException {
        Fixtures.copyInto(tmp.resolve("work/data"), "mnist");
        Path env = tmp.resolve("env");
        Path partial = Fixtures.copyInto(env, "mnist");
        Files.delete(partial.resolve("train-labels-idx1-ubyte.gz"));
        Files.delete(partial.resolve("t10k-images-idx3-ubyte.gz"));
        Datasets ds = datasets(Map.of("SYNFIRE_DATA", env.toString()));
        assertThatThrownBy(() -> ds.find(NO_FLAG, DatasetRegistry.MNIST, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessage("mnist: " + partial + "/ ($SYNFIRE_DATA) has no train-labels-idx1-ubyte(.gz), though it holds"
                        + " train-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; a dataset's files are all read from the first folder that"
                        + " holds any of them: add the missing file there, or move that folder away to use the next place searched");
        List<Datasets.FileStatus> st = ds.status(NO_FLAG, DatasetRegistry.MNIST);
        assertThat(st).extracting(Datasets.FileStatus::state).containsExactly(
                Datasets.State.NOT_CHECKED, Datasets.State.MISSING, Datasets.State.MISSING, Datasets.State.NOT_CHECKED);
        assertThat(st.get(1).detail()).isEqualTo("missing from " + partial + "/, the folder that holds this dataset's other files");
        // a SYNFIRE_DATA folder without any mnist file is passed over: ./data is next
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(datasets(Map.of("SYNFIRE_DATA", tmp.resolve("empty").toString())).find(NO_FLAG, DatasetRegistry.MNIST, Split.TRAIN).labels())
                .isEqualTo(tmp.resolve("work/data/mnist/train-labels-idx1-ubyte.gz"));
    }
}
