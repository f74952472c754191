package org.synfire.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.IdxTestFiles;
import org.synfire.sweep.Jvms;
import org.synfire.sweep.LocalSweepTestAccess;
import org.synfire.sweep.RunSpec;
import org.synfire.sweep.SweepFile;

/**
 * Two synfire workers in two JVMs on 127.0.0.1 run sweeps sent by this JVM: every result equals the single-machine
 * result, also when one member is killed mid-run. Then the errors for unreachable and version-mismatched members.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSweepTest {
    @TempDir
    static Path tmp;

    static Path data;
    static final List<Process> workers = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();
    static String cluster;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        System.setProperty("hazelcast.logging.type", "none");
        data = IdxTestFiles.write(tmp.resolve("data"), "mnist", 200, 40, 1);
        cluster = "t" + ProcessHandle.current().pid();
        ports.add(Jvms.freePort());
        ports.add(Jvms.freePort());
        for (int i = 0; i < 2; i++) {
            workers.add(Jvms.synfire(tmp.resolve("worker" + i + ".log"), "worker", "--cluster", cluster, "--members", members(),
                    "--listen", "127.0.0.1:" + ports.get(i), "--workers", "1", "--work", tmp.resolve("work" + i).toString(),
                    "--data", data.toString(), "--no-verify"));
        }
        for (int i = 0; i < 2; i++) {
            Path log = tmp.resolve("worker" + i + ".log");
            Jvms.await("worker " + i + " ready: " + Jvms.read(log), 90, () -> Jvms.read(log).contains("; ready"));
        }
        Jvms.await("two members", 60, () -> Jvms.read(tmp.resolve("worker1.log")).contains("with 2 member(s)")
                || Jvms.read(tmp.resolve("worker0.log")).contains("with 2 member(s)"));
    }

    @AfterAll
    static void stopMembers() throws InterruptedException {
        for (Process p : workers) p.destroyForcibly().waitFor();
    }

    static String members() {
        return "127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1);
    }

    static String[] sweep(Path file, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString(), "--cluster", cluster, "--members", members(),
                "--connect-timeout", "20"));
        args.addAll(List.of(more));
        return org.synfire.sweep.LocalSweepTestAccessCli.run(args.toArray(String[]::new));
    }

    static Set<String> hosts(Path out) throws IOException {
        Set<String> h = new HashSet<>();
        for (JsonNode r : new ObjectMapper().readTree(out.resolve("sweep.json").toFile()).get("runs")) h.add(r.get("host").asText());
        return h;
    }

    @Test
    @Order(1)
    void aSweepOnTwoMembersEqualsTheSingleMachineResult() throws Exception {
        Path f = tmp.resolve("two.yaml");
        Files.writeString(f, "base: {backend: functional, epochs: 1, hidden: 12, eval-train: false}\naxes: [{seed: [1, 2, 3, 4]}]\n");
        Path out = tmp.resolve("two");
        String[] r = sweep(f, out);
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        assertThat(r[1]).contains("to run on cluster " + cluster + " (2 members, 2 slots)");
        assertThat(hosts(out)).containsExactlyInAnyOrder("127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1));
        LocalSweepTestAccess.assertSame(out.resolve("runs"), SweepFile.read(f), data, tmp.resolve("two-ref"));
        for (String plot : List.of("learning-curve.png", "learning-curve-mse.svg", "config.json", "train.log")) {
            assertThat(out.resolve("runs").resolve(SweepFile.read(f).expand().get(0).id()).resolve(plot)).isNotEmptyFile();
        }
    }

    @Test
    @Order(2)
    void aMemberKilledMidRunLosesNoRunAndChangesNoResult() throws Exception {
        Path f = tmp.resolve("kill.yaml");
        Files.writeString(f, "base: {backend: functional, epochs: 8, hidden: 10, eval-train: false}\naxes: [{seed: [11, 12, 13]}]\n");
        List<RunSpec> runs = SweepFile.read(f).expand();
        Path out = tmp.resolve("kill");
        AtomicReference<String[]> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(sweep(f, out)));
        t.start();
        String victim = "127.0.0.1:" + ports.get(0);
        // kill member 0 once one of its runs has sent a checkpoint here: that run must go on from it on member 1
        String[] killed = {null};
        Jvms.await("a checkpoint from " + victim, 90, () -> {
            for (RunSpec r : runs) {
                String state = Jvms.read(out.resolve("state").resolve(r.id() + ".json"));
                if (state.contains("\"running\"") && state.contains(victim)
                        && Files.isRegularFile(out.resolve("runs").resolve(r.id()).resolve("checkpoints/epoch-1-half-2/SHA256SUMS"))) {
                    killed[0] = r.id();
                    return true;
                }
            }
            return false;
        });
        workers.get(0).destroyForcibly().waitFor();
        t.join(120_000);
        assertThat(t.isAlive()).isFalse();
        String[] r = result.get();
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        assertThat(r[1]).contains("requeued " + killed[0]);
        JsonNode rows = new ObjectMapper().readTree(out.resolve("sweep.json").toFile()).get("runs");
        for (JsonNode row : rows) assertThat(row.get("status").asText()).isEqualTo("done");
        String log = Files.readString(out.resolve("runs").resolve(killed[0]).resolve("train.log"));
        assertThat(log).as("went on from the checkpoint").containsPattern("resuming .* at epoch [1-8] (half|end)");
        LocalSweepTestAccess.assertSame(out.resolve("runs"), SweepFile.read(f), data, tmp.resolve("kill-ref"));
    }

    @Test
    @Order(3)
    void unreachableMembersAreOneLine() throws Exception {
        Path f = tmp.resolve("u.yaml");
        Files.writeString(f, "base: {backend: functional, epochs: 1}\n");
        int port = Jvms.freePort();
        String[] r = org.synfire.sweep.LocalSweepTestAccessCli.run("sweep", f.toString(), "--out", tmp.resolve("u").toString(), "--cluster", "nobody",
                "--members", "127.0.0.1:" + port, "--connect-timeout", "1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("synfire: --members 127.0.0.1:" + port + ": no member of cluster nobody answered within 1 s (is `synfire worker"
                + " --cluster nobody` running there, with the same --cluster name, and the port open?)" + System.lineSeparator());
    }

    @Test
    @Order(4)
    void membersOfAnotherVersionAreRefusedBySweepsAndWorkers() throws Exception {
        int port = Jvms.freePort();
        Config c = new Config();
        c.setClusterName("old");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.getJetConfig().setEnabled(false);
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        c.getMemberAttributeConfig().setAttribute(Setup.VERSION_ATTRIBUTE, "synfire 0.1.0");
        HazelcastInstance old = Hazelcast.newHazelcastInstance(c);
        try {
            Path f = tmp.resolve("v.yaml");
            Files.writeString(f, "base: {backend: functional, epochs: 1}\n");
            String[] r = org.synfire.sweep.LocalSweepTestAccessCli.run("sweep", f.toString(), "--out", tmp.resolve("v").toString(), "--cluster", "old",
                    "--members", "127.0.0.1:" + port, "--connect-timeout", "20");
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2]).isEqualTo("synfire: member [127.0.0.1]:" + port + " of cluster old runs synfire 0.1.0, this sweep " + Setup.version()
                    + "; run one synfire version on every member" + System.lineSeparator());

            int mine = Jvms.freePort();
            String[] w = org.synfire.sweep.LocalSweepTestAccessCli.run("worker", "--cluster", "old", "--members", "127.0.0.1:" + port,
                    "--listen", "127.0.0.1:" + mine, "--workers", "1", "--work", tmp.resolve("vw").toString());
            assertThat(w[0]).isEqualTo("2");
            assertThat(w[2]).isEqualTo("synfire: member [127.0.0.1]:" + port + " of cluster old runs synfire 0.1.0, this worker " + Setup.version()
                    + "; run one synfire version on every member" + System.lineSeparator());
        } finally {
            old.getLifecycleService().terminate();
        }
    }
}
