package org.synfire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire worker}: a cluster member that runs the runs sweeps send it. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a member of a Hazelcast cluster that runs sweep runs (synfire sweep ... --cluster NAME --members ...).",
            "Members find each other only at the --members addresses (TCP, multicast off). Runs until stopped (Ctrl-C)."})
public final class WorkerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "Cluster name; sweeps and members must give the same.")
    String cluster;

    @Option(names = "--members", required = true, paramLabel = "HOST:PORT,...",
            description = "Every member's address (this one included; the same list on every machine).")
    String members;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "This member's address (default: the entry of --members that is an address of this machine).")
    String listen;

    @Option(names = "--workers", paramLabel = "N", description = "Runs at a time on this member (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--work", paramLabel = "DIR", description = "Where this member keeps its run directories (default ~/.cache/synfire/worker/NAME).")
    Path work;

    @Option(names = "--log", description = "Show Hazelcast's own log on stderr.")
    boolean log;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Override
    public Integer call() throws InterruptedException {
        return serve();
    }

    /** Kept apart so that only this command loads the cluster classes (and so Hazelcast). */
    private int serve() throws InterruptedException {
        Path dir = work != null ? work : Path.of(System.getProperty("user.home"), ".cache", "synfire", "worker", cluster);
        var hp = org.synfire.sweep.cluster.HostPort.parseList(members, "--members");
        return org.synfire.sweep.cluster.Worker.serve(new org.synfire.sweep.cluster.Worker.Settings(cluster, hp,
                listen == null ? null : org.synfire.sweep.cluster.HostPort.parse(listen, "--listen"), workers, dir, data.toOptions(), log),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
