package org.synfire.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sweep knows of one run, kept in {@code state/RUN_ID.json} of the sweep directory.
 *
 * @param status queued, running, done or failed
 * @param attempts attempts so far, over every invocation of the sweep
 * @param error the last attempt's error (one line), or null
 * @param host where the last attempt ran
 * @param wallTimeS seconds spent running it, over every attempt
 * @param roundtripS seconds from handing it out to having its result in the sweep directory (last attempt)
 */
public record RunState(String runId, String status, int attempts, String error, String host, double wallTimeS, double roundtripS) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public static RunState queued(String id) {
        return new RunState(id, QUEUED, 0, null, null, 0, Double.NaN);
    }

    public boolean done() {
        return DONE.equals(status);
    }

    public RunState running(String onHost) {
        return new RunState(runId, RUNNING, attempts + 1, null, onHost, wallTimeS, Double.NaN);
    }

    public RunState finished(boolean ok, String err, String onHost, double seconds, double roundtrip) {
        return new RunState(runId, ok ? DONE : FAILED, attempts, ok ? null : err, onHost, wallTimeS + seconds, roundtrip);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("status", status);
        m.put("attempts", attempts);
        m.put("error", error);
        m.put("host", host);
        m.put("wall_time_s", wallTimeS);
        m.put("roundtrip_s", Double.isNaN(roundtripS) ? null : roundtripS);
        return m;
    }

    static RunState fromMap(Map<String, Object> m) {
        return new RunState((String) m.get("run_id"), (String) m.get("status"), ((Number) m.get("attempts")).intValue(), (String) m.get("error"),
                (String) m.get("host"), ((Number) m.get("wall_time_s")).doubleValue(),
                m.get("roundtrip_s") == null ? Double.NaN : ((Number) m.get("roundtrip_s")).doubleValue());
    }
}
