package org.synfire.sweep;

import java.nio.file.Path;
import java.util.List;
import org.synfire.io.AtomicFiles;

/**
 * {@code --emit slurm}: a job-array script, one array task per run, each running {@code synfire sweep FILE --run ID}
 * into the same sweep directory, so it skips a done run and resumes an interrupted one exactly as a local sweep does.
 */
public final class SlurmScript {
    private SlurmScript() {}

    /**
     * Writes DIR/slurm/runs.txt (one run id a line, array index = line - 1) and DIR/slurm/sweep.sbatch; returns the script.
     *
     * @param launcher the command that runs synfire on the cluster's nodes (quoted for the shell)
     * @param extraArgs options passed on to every run (--data DIR, --no-verify), quoted for the shell
     */
    public static Path write(SweepDirectory dir, SweepFile file, List<RunSpec> runs, String launcher, String extraArgs) {
        Path slurm = dir.path().toAbsolutePath().resolve("slurm");
        StringBuilder ids = new StringBuilder();
        for (RunSpec r : runs) ids.append(r.id()).append('\n');
        AtomicFiles.writeString(slurm.resolve("runs.txt"), ids.toString());
        Path sweepFile = file.file().toAbsolutePath();
        String out = dir.path().toAbsolutePath().toString();
        String script = "#!/bin/bash\n"
                + "# synfire sweep " + file.name() + ": " + runs.size() + " runs, one array task each. Submit with: sbatch " + slurm.resolve("sweep.sbatch") + "\n"
                + "# Each task runs one id of runs.txt; a done run is skipped and an interrupted one resumes from its last checkpoint,\n"
                + "# so resubmitting the whole array (or requeueing a task) loses no work. Afterwards, rebuild the tables and plots:\n"
                + "#   " + launcher + " sweep " + quote(sweepFile.toString()) + " --out " + quote(out) + " --report\n"
                + "#SBATCH --job-name=" + file.name() + "\n"
                + "#SBATCH --array=0-" + (runs.size() - 1) + "\n"
                + "#SBATCH --cpus-per-task=1\n"
                + "#SBATCH --requeue\n"
                + "#SBATCH --output=" + slurm.resolve("%A_%a.out") + "\n"
                + "# add your site's options here, e.g. #SBATCH --time=02:00:00 --mem=6G --partition=...\n"
                + "set -euo pipefail\n"
                + "id=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " + quote(slurm.resolve("runs.txt").toString()) + ")\n"
                + "exec " + launcher + " sweep " + quote(sweepFile.toString()) + " --out " + quote(out) + " --run \"$id\" --workers 1" + extraArgs + "\n";
        Path target = slurm.resolve("sweep.sbatch");
        AtomicFiles.writeString(target, script);
        target.toFile().setExecutable(true);
        return target;
    }

    /** A word for the shell: single-quoted unless it is plainly safe. */
    public static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=,+@%-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
