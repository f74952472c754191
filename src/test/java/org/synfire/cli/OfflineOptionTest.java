package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Whether a command may download a missing dataset: yes by default, no with --offline or SYNFIRE_OFFLINE. */
class OfflineOptionTest {
    @Command(name = "t")
    static final class Cmd {
        @Mixin
        DataSourceOptions data;
    }

    private static DataSourceOptions parse(String... args) {
        Cmd c = new Cmd();
        new CommandLine(c).parseArgs(args);
        return c.data;
    }

    @Test
    void downloadsUnlessTold() {
        assertThat(parse().toOptions((String) null).autoFetch()).isNotNull();
        assertThat(parse().toOptions("0").autoFetch()).as("SYNFIRE_OFFLINE=0 is not offline").isNotNull();
        assertThat(parse().toOptions("").autoFetch()).isNotNull();
        assertThat(parse("--offline").toOptions((String) null).autoFetch()).isNull();
        assertThat(parse().toOptions("1").autoFetch()).isNull();
        assertThat(parse().toOptions("yes").autoFetch()).isNull();
    }
}
