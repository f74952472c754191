package org.synfire.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {
    @Test
    void theLaunchersClockReadingIsSecondsWithSixDigitsOfMicroseconds() {
        assertThat(Timeline.parseMicros("1764607987.123456")).isEqualTo(1_764_607_987_123_456L);
        assertThat(Timeline.parseMicros("12,000001")).isEqualTo(12_000_001L); // a locale with a decimal comma
        assertThat(Timeline.parseMicros("7")).isEqualTo(7_000_000L);
        assertThat(Timeline.parseMicros(" 3.000010\n")).isEqualTo(3_000_010L);
        assertThat(Timeline.parseMicros("12.5")).isEqualTo(-1);
        assertThat(Timeline.parseMicros("1.2.3")).isEqualTo(-1);
        assertThat(Timeline.parseMicros("abc")).isEqualTo(-1);
        assertThat(Timeline.parseMicros(null)).isEqualTo(-1);
    }

    @Test
    void onlyANonEmptyValueOtherThanZeroTurnsItOn() {
        assertThat(Timeline.on("1")).isTrue();
        assertThat(Timeline.on("yes")).isTrue();
        assertThat(Timeline.on("0")).isFalse();
        assertThat(Timeline.on(" ")).isFalse();
        assertThat(Timeline.on(null)).isFalse();
    }

    @Test
    void timesCountFromTheLaunchersReading() {
        long twoSecondsAgo = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now()) - 2_000_000;
        String reading = (twoSecondsAgo / 1_000_000) + "." + String.format("%06d", twoSecondsAgo % 1_000_000);
        double elapsed = (System.nanoTime() - Timeline.origin(reading)) / 1e9;
        assertThat(elapsed).isBetween(1.9, 2.5);
        // without a reading: the JVM's start, which is before now
        assertThat(System.nanoTime() - Timeline.origin(null)).isPositive();
    }

    @Test
    void aLineNamesTheTimeTheThreadAndTheStage() {
        assertThat(Timeline.line(0.4123, "main", "data loaded")).isEqualTo("synfire timeline:   0.412 s  main               data loaded");
    }
}
