package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.IdxTestFiles;
import org.synfire.sweep.Jvms;
import org.synfire.sweep.LocalSweepTestAccessCli;
import org.synfire.sweep.RunSpec;
import org.synfire.sweep.SweepFile;
import org.synfire.sweep.TrainKind;
import picocli.CommandLine;

/** synfire sweep against synfire train: the same options mean the same run; errors are one line; no Hazelcast unless asked. */
class SweepCommandTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeData() throws IOException {
        IdxTestFiles.write(data, "mnist", 200, 40, 1);
    }

    @Test
    void everyTrainOptionIsASweepOptionOrSaysWhyNot() {
        CommandLine train = new CommandLine(new TrainCommand());
        List<String> missing = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : train.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            String name = o.longestName().replaceFirst("^--", "");
            if (!TrainKind.INSTANCE.options().containsKey(name) && !TrainKind.INSTANCE.refused().containsKey(name)) missing.add(name);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aSweepRunHasTheSettingsThatSynfireTrainRecordsForTheSameOptions() throws IOException {
        List<Map<String, String>> cases = List.of(
                Map.of("backend", "functional", "epochs", "1", "limit", "30", "seed", "9"),
                Map.of("backend", "functional", "epochs", "1", "limit", "30", "layers", "400,7,5,10", "no-shuffle", "true", "name", "deep"),
                Map.of("backend", "functional", "epochs", "1", "dataset", "mnist", "holdout", "50", "input-threshold", "0.4", "no-eval-train", "true"),
                Map.of("epochs", "1", "limit", "20", "hidden", "6", "check-phases", "0", "test-threshold", "0.6"));
        int i = 0;
        for (Map<String, String> c : cases) {
            List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--no-verify", "--out", tmp.resolve("t" + i).toString()));
            StringBuilder yaml = new StringBuilder("base: {");
            for (Map.Entry<String, String> e : c.entrySet()) {
                if (e.getValue().equals("true")) args.add("--" + e.getKey());
                else args.addAll(List.of("--" + e.getKey(), e.getValue()));
                yaml.append(e.getKey()).append(": '").append(e.getValue()).append("', ");
            }
            String[] r = LocalSweepTestAccessCli.run(args.toArray(String[]::new));
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            Path f = tmp.resolve("s" + i + ".yaml");
            // quoted values: the sweep reads them by the option's type, not YAML's
            Files.writeString(f, yaml.append("}\n").toString().replace("'true'", "true").replaceAll("'([0-9.]+)'", "$1"));
            RunSpec run = SweepFile.read(f).expand().get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> recorded = (Map<String, Object>) new ObjectMapper().readValue(tmp.resolve("t" + i).resolve("config.json").toFile(), Map.class).get("config");
            ObjectMapper json = new ObjectMapper();
            Map<String, Object> settings = json.readValue(json.writeValueAsString(run.run().settings()), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
            assertThat(settings).as(c.toString()).isEqualTo(recorded);
            i++;
        }
    }

    @Test
    void badSweepFilesAreOneLineAndExitTwo() throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "base: {epoch: 3}\n");
        String[] r = LocalSweepTestAccessCli.run("sweep", f.toString(), "--dry-run");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().startsWith("synfire: " + f + ": base.epoch: unknown option of 'train' (known: backend,");
        Files.writeString(f, "axes:\n  - seed: []\n");
        r = LocalSweepTestAccessCli.run("sweep", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("synfire: " + f + ": axes[0].seed: empty axis (no values); give at least one value or remove the axis" + System.lineSeparator());
        r = LocalSweepTestAccessCli.run("sweep", tmp.resolve("none.yaml").toString());
        assertThat(r[2]).isEqualTo("synfire: " + tmp.resolve("none.yaml") + ": no such file" + System.lineSeparator());
        r = LocalSweepTestAccessCli.run("sweep", f.toString().replace("bad", "none"), "--cluster", "c");
        assertThat(r[0]).isEqualTo("2");
        Files.writeString(f, "base: {epochs: 1}\n");
        r = LocalSweepTestAccessCli.run("sweep", f.toString(), "--cluster", "c");
        assertThat(r[2]).isEqualTo("synfire: --cluster needs --members HOST:PORT,..." + System.lineSeparator());
        r = LocalSweepTestAccessCli.run("sweep", f.toString(), "--cluster", "c", "--members", "127.0.0.1:99999");
        assertThat(r[2]).isEqualTo("synfire: --members 127.0.0.1:99999: port 99999 is outside 1..65535" + System.lineSeparator());
        r = LocalSweepTestAccessCli.run("worker", "--cluster", "c", "--members", "192.0.2.1:5701");
        assertThat(r[2]).startsWith("synfire: --members: none of [192.0.2.1:5701] is an address of this machine; give this member's own with --listen");
    }

    @Test
    void versionAndTrainLoadNoHazelcastClass() throws Exception {
        for (List<String> args : List.of(List.of("--version"),
                List.of("train", "--backend", "functional", "--epochs", "1", "--hidden", "5", "--limit", "20", "--no-eval-train", "--data", data.toString(),
                        "--no-verify", "--out", tmp.resolve("plain").toString()))) {
            Path log = tmp.resolve("classes.log");
            List<String> all = new ArrayList<>(List.of("-Xlog:class+load=info:file=" + log));
            Path out = tmp.resolve("out.log");
            Process p = new ProcessBuilder(command(all, args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(p.waitFor()).as(Jvms.read(out)).isZero();
            String loaded = Files.readString(log);
            assertThat(loaded).as(args.get(0)).contains("org.synfire.cli.Main").doesNotContain("com.hazelcast").doesNotContain("org.synfire.sweep.cluster");
        }
    }

    private static List<String> command(List<String> jvm, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Djava.awt.headless=true");
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return cmd;
    }
}
