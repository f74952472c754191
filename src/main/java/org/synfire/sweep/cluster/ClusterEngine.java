package org.synfire.sweep.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.synfire.UserError;
import org.synfire.io.Json;
import org.synfire.sweep.Engine;
import org.synfire.sweep.RunSpec;
import org.synfire.sweep.SweepDirectory;

/**
 * Sends a sweep's runs to the members of a Hazelcast cluster, as a client: each member gets as many runs at a time
 * as it has slots; a run's result (the run directory) comes back into the sweep directory; the newest checkpoint of
 * each run in progress is copied here as it is written, so a run whose member leaves continues on another member
 * from that checkpoint. A run is done at least once; a second copy gives the same bits, as the run id fixes them.
 */
public final class ClusterEngine implements Engine {

    /**
     * How to reach a cluster.
     *
     * @param connectTimeoutS how long to try the members before giving up (and, later, how long the cluster may be
     *     out of reach before the sweep stops)
     */
    public record Settings(String cluster, List<HostPort> members, int connectTimeoutS, boolean log) {}

    private final Settings settings;
    private final HazelcastInstance client;
    private final IExecutorService executor;

    private ClusterEngine(Settings settings, HazelcastInstance client) {
        this.settings = settings;
        this.client = client;
        this.executor = client.getExecutorService(Setup.EXECUTOR);
    }

    /** Connects and checks that every member is a synfire worker of this version; a UserError otherwise. */
    public static Engine connect(Settings s) {
        Setup.logging(s.log());
        ClientConfig c = new ClientConfig();
        c.setClusterName(s.cluster());
        c.setProperties(Setup.properties());
        c.setProperty("hazelcast.client.statistics.enabled", "false");
        for (HostPort m : s.members()) c.getNetworkConfig().addAddress(m.toString());
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(s.connectTimeoutS() * 1000L)
                .setInitialBackoffMillis(200).setMaxBackoffMillis(2000);
        Setup.serialization(c.getSerializationConfig());
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(c);
        } catch (IllegalStateException | com.hazelcast.core.HazelcastException e) {
            throw new UserError("--members " + String.join(",", s.members().stream().map(HostPort::toString).toList()) + ": no member of cluster "
                    + s.cluster() + " answered within " + s.connectTimeoutS() + " s (is `synfire worker --cluster " + s.cluster()
                    + "` running there, with the same --cluster name, and the port open?)");
        }
        ClusterEngine e = new ClusterEngine(s, client);
        try {
            e.checkMembers();
        } catch (RuntimeException ex) {
            client.shutdown();
            throw ex;
        }
        return e;
    }

    private void checkMembers() {
        Set<Member> members = client.getCluster().getMembers();
        for (Member m : members) {
            String v = m.getAttribute(Setup.VERSION_ATTRIBUTE);
            if (v == null) {
                throw new UserError("member " + m.getAddress() + " of cluster " + settings.cluster() + " is no synfire worker (start members with synfire worker)");
            }
            if (!v.equals(Setup.version())) {
                throw new UserError("member " + m.getAddress() + " of cluster " + settings.cluster() + " runs " + v + ", this sweep " + Setup.version()
                        + "; run one synfire version on every member");
            }
        }
    }

    private static boolean usable(Member m) {
        return Setup.version().equals(m.getAttribute(Setup.VERSION_ATTRIBUTE));
    }

    private static int slots(Member m) {
        try {
            return Math.max(1, Integer.parseInt(m.getAttribute(Setup.SLOTS_ATTRIBUTE)));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    @Override
    public String describe() {
        Set<Member> ms = client.getCluster().getMembers();
        int slots = ms.stream().filter(ClusterEngine::usable).mapToInt(ClusterEngine::slots).sum();
        return "cluster " + settings.cluster() + " (" + ms.size() + " member" + (ms.size() == 1 ? "" : "s") + ", " + slots + " slots)";
    }

    /** An attempt in flight. */
    private record Flight(RunSpec run, Member member, long t0) {}

    /** A finished attempt: the member's answer or the failure to get one. */
    private record Answer(Flight flight, byte[] archive, Throwable failure) {}

    @Override
    public void execute(List<RunSpec> runs, SweepDirectory dir, int retries, Events events) throws InterruptedException {
        Deque<RunSpec> queue = new ArrayDeque<>(runs);
        Map<String, Integer> attempts = new HashMap<>();
        Map<UUID, Integer> busy = new HashMap<>();
        Map<UUID, Long> suspect = new HashMap<>();
        Map<String, Flight> flying = new LinkedHashMap<>();
        Set<String> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<String, RunSpec> byId = new HashMap<>();
        for (RunSpec r : runs) byId.put(r.id(), r);
        BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

        IMap<String, byte[]> checkpoints = client.getMap(Setup.CHECKPOINTS);
        Object unpackLock = new Object();
        // the newest checkpoint of each run in progress, kept here too: a run whose member dies goes on from it
        class Copier implements EntryAddedListener<String, byte[]>, EntryUpdatedListener<String, byte[]> {
            @Override
            public void entryAdded(com.hazelcast.core.EntryEvent<String, byte[]> e) {
                copy(e.getKey(), e.getValue());
            }

            @Override
            public void entryUpdated(com.hazelcast.core.EntryEvent<String, byte[]> e) {
                copy(e.getKey(), e.getValue());
            }

            private void copy(String id, byte[] archive) {
                RunSpec r = byId.get(id);
                if (r == null || archive == null) return;
                synchronized (unpackLock) {
                    if (finished.contains(id)) return;
                    if (RunArchive.key(RunArchive.newestCheckpoint(archive)) <= RunArchive.key(RunArchive.newestCheckpoint(dir.runDir(id)))) return;
                    try {
                        RunArchive.unpack(RunArchive.read(archive), dir.runDir(id));
                    } catch (RuntimeException ex) {
                        // a copy is a convenience; the member still has the run
                    }
                }
            }
        }
        UUID listener = checkpoints.addEntryListener(new Copier(), true);
        try {
            while (!queue.isEmpty() || !flying.isEmpty()) {
                if (!client.getLifecycleService().isRunning()) throw lost();
                long now = System.nanoTime();
                List<Member> members = new ArrayList<>();
                for (Member m : client.getCluster().getMembers()) {
                    Long s = suspect.get(m.getUuid());
                    if (usable(m) && (s == null || now - s > 5_000_000_000L)) members.add(m);
                }
                for (Member m : members) {
                    while (!queue.isEmpty() && busy.getOrDefault(m.getUuid(), 0) < slots(m)) {
                        RunSpec r = queue.poll();
                        Flight f = new Flight(r, m, System.nanoTime());
                        RunTask task = task(r, dir);
                        busy.merge(m.getUuid(), 1, Integer::sum);
                        flying.put(r.id(), f);
                        events.started(r, m.getAttribute(Setup.HOST_ATTRIBUTE));
                        try {
                            executor.submitToMember(task, m, new ExecutionCallback<byte[]>() {
                                @Override
                                public void onResponse(byte[] response) {
                                    answers.add(new Answer(f, response, null));
                                }

                                @Override
                                public void onFailure(Throwable t) {
                                    answers.add(new Answer(f, null, t));
                                }
                            });
                        } catch (RuntimeException ex) {
                            answers.add(new Answer(f, null, ex));
                        }
                    }
                }
                Answer a = answers.poll(500, TimeUnit.MILLISECONDS);
                for (; a != null; a = answers.poll()) {
                    Flight f = a.flight();
                    RunSpec r = f.run();
                    flying.remove(r.id());
                    busy.merge(f.member().getUuid(), -1, Integer::sum);
                    if (a.failure() != null) {
                        if (memberGone(a.failure())) {
                            if (!client.getLifecycleService().isRunning()) throw lost();
                            suspect.put(f.member().getUuid(), System.nanoTime());
                            queue.addFirst(r);
                            events.requeued(r, "member " + f.member().getAddress() + " left; the run goes on from its last checkpoint elsewhere");
                            continue;
                        }
                        int n = attempts.merge(r.id(), 1, Integer::sum);
                        boolean retry = n <= retries;
                        events.ended(r, false, "cluster: " + Worker.firstLine(a.failure()), f.member().getAddress().toString(), 0,
                                (System.nanoTime() - f.t0()) / 1e9, retry);
                        if (retry) queue.addLast(r);
                        continue;
                    }
                    Map<String, byte[]> entries = RunArchive.read(a.archive());
                    Map<?, ?> result;
                    try {
                        result = Json.COMPACT.readValue(entries.get("result.json"), Map.class);
                    } catch (IOException | RuntimeException ex) {
                        throw new UserError("member " + f.member().getAddress() + " sent a damaged result for run " + r.id());
                    }
                    boolean ok = Boolean.TRUE.equals(result.get("ok"));
                    synchronized (unpackLock) {
                        if (ok) finished.add(r.id());
                        RunArchive.unpack(entries, dir.runDir(r.id()));
                    }
                    if (ok) checkpoints.delete(r.id());
                    int n = attempts.merge(r.id(), 1, Integer::sum);
                    boolean retry = !ok && n <= retries;
                    events.ended(r, ok, (String) result.get("error"), (String) result.get("host"), ((Number) result.get("seconds")).doubleValue(),
                            (System.nanoTime() - f.t0()) / 1e9, retry);
                    if (retry) queue.addLast(r);
                }
            }
        } catch (HazelcastClientNotActiveException e) {
            throw lost();
        } finally {
            try {
                checkpoints.removeEntryListener(listener);
            } catch (RuntimeException e) {
                // the client is gone already
            }
        }
    }

    private UserError lost() {
        return new UserError("lost cluster " + settings.cluster() + ": no member answered for " + settings.connectTimeoutS()
                + " s; every result that came back is in the sweep directory; run the same command again to continue");
    }

    private static boolean memberGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof MemberLeftException || c instanceof TargetDisconnectedException || c instanceof TargetNotMemberException
                    || c instanceof HazelcastInstanceNotActiveException || c instanceof HazelcastClientNotActiveException
                    || c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** The run as a task: its configuration, the checkpoint this machine has of it (if any) and its input files. */
    private static RunTask task(RunSpec r, SweepDirectory dir) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("settings", r.run().settings());
        cfg.put("runtime", r.run().runtime());
        String json;
        try {
            json = Json.COMPACT.writeValueAsString(cfg);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] state = Files.isRegularFile(dir.runDir(r.id()).resolve("config.json")) ? RunArchive.pack(dir.runDir(r.id()), Map.of()) : null;
        byte[] inputs = WorkerContext.inputsArchive(r.kind().inputFiles(r.run().settings()));
        return new RunTask(r.id(), r.kind().name(), json, state, inputs);
    }

    @Override
    public void close() {
        client.shutdown();
    }

}
