package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What a new user meets first: no command, a typo, nested help. */
class FirstContactTest {
    record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void noCommandPrintsAShortUsageAndExits2() {
        Result r = run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Usage: synfire COMMAND [OPTIONS]\nCommands: train, continual, sweep, worker, verify,");
        assertThat(r.err().lines().count()).isEqualTo(3);
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheNearestOne() {
        Result cmd = run("trian");
        assertThat(cmd.code()).isEqualTo(2);
        assertThat(cmd.err()).contains("did you mean train?").contains("(see 'synfire --help')");
        Result opt = run("train", "--epoch", "3");
        assertThat(opt.code()).isEqualTo(2);
        assertThat(opt.err()).contains("did you mean --epochs").contains("(see 'synfire train --help')");
    }

    @Test
    void theSuggestionIsTheNearestByEdits() {
        // trian -> train: 2 edits (swap as delete + insert); trian -> verify: 6
        assertThat(Main.editDistance("trian", "train")).isEqualTo(2);
        assertThat(Main.editDistance("", "abc")).isEqualTo(3);
        assertThat(Main.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Main.nearest("--epoch=3", java.util.List.of("--seed", "--epochs"))).isEqualTo("--epochs");
    }

    @Test
    void helpReachesNestedCommands() {
        Result r = run("help", "data", "export");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: synfire data export");
    }
}
