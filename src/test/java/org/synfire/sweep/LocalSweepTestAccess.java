package org.synfire.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.synfire.data.DataOptions;
import org.synfire.training.TrainingRun;
import org.synfire.training.TrainingSettings;

/** Reference results: every run of a sweep trained alone, then compared file by file. */
public final class LocalSweepTestAccess {
    private LocalSweepTestAccess() {}

    public static void assertSame(Path runs, SweepFile sweep, Path data, Path ref) throws IOException {
        List<RunSpec> specs = sweep.expand();
        for (RunSpec r : specs) {
            TrainingSettings s = TrainingSettings.fromMap(new LinkedHashMap<>(r.run().settings()), Path.of("x"));
            TrainingRun.start(s, ref.resolve(r.id()), new DataOptions(data, false), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {});
        }
        LocalSweepTest.assertSameResults(runs, ref, specs);
    }
}
