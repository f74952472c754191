package org.synfire.sweep.cluster;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import java.util.Properties;
import org.synfire.training.TrainingRun;

/** What members and the submitting client share: names, attributes, serialization, quiet logging. */
final class Setup {
    private Setup() {}

    /** Member attribute with the synfire version; a member without it is no synfire worker. */
    static final String VERSION_ATTRIBUTE = "synfire.version";
    /** Member attribute with the member's number of run slots. */
    static final String SLOTS_ATTRIBUTE = "synfire.slots";
    /** Member attribute with the member's host name, for the host column. */
    static final String HOST_ATTRIBUTE = "synfire.host";
    static final String EXECUTOR = "synfire-sweep";
    /** Run id to the newest checkpoint of a run in progress (a run archive). */
    static final String CHECKPOINTS = "synfire-sweep-checkpoints";
    /** Run id to "MEMBER_UUID FRACTION" of a run in progress. */
    static final String PROGRESS = "synfire-sweep-progress";
    static final int FACTORY_ID = 0x5F1E;
    static final int RUN_TASK = 1;

    /** What members must agree on to give the same bits: synfire's version. */
    static String version() {
        return TrainingRun.VERSION;
    }

    /** Hazelcast logs nothing unless asked (--log); must run before the first Hazelcast class logs. */
    static void logging(boolean verbose) {
        System.setProperty("hazelcast.logging.type", verbose ? "slf4j" : "none");
    }

    static Properties properties() {
        Properties p = new Properties();
        p.setProperty("hazelcast.phone.home.enabled", "false"); // no traffic to anyone but the given members
        p.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "none"));
        return p;
    }

    static void serialization(SerializationConfig c) {
        DataSerializableFactory f = id -> id == RUN_TASK ? new RunTask() : null;
        c.addDataSerializableFactory(FACTORY_ID, f);
        // tasks travel as IdentifiedDataSerializable; Java serialization is limited to Hazelcast's own and the JDK's classes
        c.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                .setWhitelist(new ClassFilter().addPrefixes("com.hazelcast.", "java.", "org.synfire.sweep.cluster.")));
    }
}
