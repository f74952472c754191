package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;

class ProgressLineTest {

    @Test
    void aLineSaysDoneTotalRateAndTimeLeft() {
        // 18,600 of 60,000 done, 6,000 of them in this process in 2 s: 3,000 per second; 41,400 left: 13.8 s, shown 0:14
        assertThat(ProgressLine.format("epoch 2/15", 18_600, 60_000, 6_000, 2.0, "samples"))
                .isEqualTo("epoch 2/15 [######..............]  31% 18,600/60,000 samples, 3,000 samples/s, ETA 0:14"
);
        assertThat(ProgressLine.clock(3725)).isEqualTo("1:02:05");
        assertThat(ProgressLine.clock(59.4)).isEqualTo("0:59");
    }

    @Test
    void pipedOutputGetsPlainLinesAndABadPeriodIsAUserError() throws InterruptedException {
        StringWriter sw = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(sw, true), false, 0.001, "samples");
        p.update("", 10, 100); // the first report only starts the clock
        assertThat(sw.toString()).isEmpty();
        Thread.sleep(5);
        p.update("", 20, 100);
        assertThat(sw.toString()).startsWith("[####................]  20% 20/100 samples, ").endsWith("\n").doesNotContain("\r");
        assertThatThrownBy(() -> new ProgressLine(new PrintWriter(sw), false, 0, "samples")).isInstanceOf(UserError.class)
                .hasMessageContaining("--progress-every");
    }
}
