package org.synfire.sweep.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.synfire.UserError;
import org.synfire.data.DataOptions;

/**
 * A cluster member that runs sweep runs: an embedded Hazelcast member that joins only the given addresses (TCP/IP,
 * multicast and auto-detection off, no phone-home), with an executor of {@code slots} threads.
 */
public final class Worker {
    private Worker() {}

    /**
     * The settings of a worker.
     *
     * @param listen this member's own address, or null for the entry of {@code members} that is an address of this machine
     */
    public record Settings(String cluster, List<HostPort> members, HostPort listen, int slots, Path work, DataOptions data, boolean log) {}

    /** Starts the member, prints one line when it is ready, and serves until the process ends. Returns its exit code. */
    public static int serve(Settings s, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (s.slots() < 1) throw new UserError("--workers must be at least 1");
        if (s.cluster().isBlank() || !s.cluster().matches("[A-Za-z0-9._-]+")) {
            throw new UserError("--cluster " + s.cluster() + ": use letters, digits, '.', '_' and '-'");
        }
        HostPort me = s.listen() != null ? s.listen() : ownAddress(s.members());
        String ip = ip(me.host());
        Setup.logging(s.log());
        String host = me.toString();
        WorkerContext ctx = new WorkerContext(s.work().toAbsolutePath(), s.data(), host, line -> {
            synchronized (out) {
                out.println("synfire worker " + host + ": " + line);
                out.flush();
            }
        });
        Config c = new Config();
        c.setClusterName(s.cluster());
        c.setProperties(Setup.properties());
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "20"); // a hung member is given up after 20 s
        c.setProperty("hazelcast.shutdownhook.policy", "TERMINATE");
        c.getJetConfig().setEnabled(false);
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(me.port()).setPortAutoIncrement(false);
        n.setPublicAddress(ip + ":" + me.port());
        n.getInterfaces().setEnabled(true).addInterface(ip);
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true);
        for (HostPort m : s.members()) j.getTcpIpConfig().addMember(ip(m.host()) + ":" + m.port());
        if (!s.members().contains(me)) j.getTcpIpConfig().addMember(ip + ":" + me.port());
        c.addExecutorConfig(new ExecutorConfig(Setup.EXECUTOR, s.slots()));
        c.getMemberAttributeConfig().setAttribute(Setup.VERSION_ATTRIBUTE, Setup.version());
        c.getMemberAttributeConfig().setAttribute(Setup.SLOTS_ATTRIBUTE, Integer.toString(s.slots()));
        c.getMemberAttributeConfig().setAttribute(Setup.HOST_ATTRIBUTE, host);
        Setup.serialization(c.getSerializationConfig());
        ConcurrentHashMap<String, Object> context = new ConcurrentHashMap<>();
        context.put(WorkerContext.KEY, ctx);
        c.setUserContext(context);

        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(c);
        } catch (RuntimeException e) {
            throw new UserError("--listen " + me + ": cannot start a member there (" + firstLine(e) + "); is the port in use?");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        String[] mismatch = {null};
        hz.getLifecycleService().addLifecycleListener(ev -> {
            if (ev.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) stopped.countDown();
        });
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                String v = e.getMember().getAttribute(Setup.VERSION_ATTRIBUTE);
                if (!Setup.version().equals(v)) {
                    out.println("synfire worker " + host + ": member " + e.getMember().getAddress() + " runs " + (v == null ? "no synfire worker" : v)
                            + "; it gets no runs from sweeps of " + Setup.version());
                    out.flush();
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                out.println("synfire worker " + host + ": member " + e.getMember().getAddress() + " left");
                out.flush();
            }
        });
        for (Member m : hz.getCluster().getMembers()) {
            if (m.localMember()) continue;
            String v = m.getAttribute(Setup.VERSION_ATTRIBUTE);
            if (v != null && !Setup.version().equals(v)) mismatch[0] = "member " + m.getAddress() + " of cluster " + s.cluster() + " runs " + v;
        }
        if (mismatch[0] != null) {
            hz.getLifecycleService().terminate();
            throw new UserError(mismatch[0] + ", this worker " + Setup.version() + "; run one synfire version on every member");
        }
        out.println("synfire worker " + host + ": member of cluster " + s.cluster() + " with " + hz.getCluster().getMembers().size() + " member(s), "
                + s.slots() + " slot(s), runs in " + s.work().toAbsolutePath() + "; ready");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The entry of {@code members} that names an address of this machine. */
    static HostPort ownAddress(List<HostPort> members) {
        for (HostPort m : members) {
            try {
                InetAddress a = InetAddress.getByName(m.host());
                if (a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null) return m;
            } catch (java.io.IOException e) {
                // not resolvable here: not this machine
            }
        }
        throw new UserError("--members: none of " + members + " is an address of this machine; give this member's own with --listen HOST:PORT");
    }

    static String ip(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new UserError(host + ": unknown host");
        }
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
