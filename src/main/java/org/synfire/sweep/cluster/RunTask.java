package org.synfire.sweep.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * One run sent to a member: its id, kind and configuration as JSON, the checkpoint to continue from (a run archive,
 * or null) and its input files (an archive, or null). Returns the run archive with its result.json.
 */
final class RunTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    String runId;
    String kind;
    String configJson;
    byte[] state;
    byte[] inputs;
    String version;
    private transient HazelcastInstance hz;

    RunTask() {}

    RunTask(String runId, String kind, String configJson, byte[] state, byte[] inputs) {
        this.runId = runId;
        this.kind = kind;
        this.configJson = configJson;
        this.state = state;
        this.inputs = inputs;
        this.version = Setup.version();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hz = instance;
    }

    @Override
    public byte[] call() {
        WorkerContext ctx = (WorkerContext) hz.getUserContext().get(WorkerContext.KEY);
        if (ctx == null) throw new IllegalStateException("this member is no synfire worker");
        return ctx.run(this, hz);
    }

    @Override
    public int getFactoryId() {
        return Setup.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return Setup.RUN_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(version);
        out.writeString(runId);
        out.writeString(kind);
        out.writeString(configJson);
        out.writeByteArray(state);
        out.writeByteArray(inputs);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        version = in.readString();
        runId = in.readString();
        kind = in.readString();
        configJson = in.readString();
        state = in.readByteArray();
        inputs = in.readByteArray();
    }
}
