package io.leakscan.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The peak after a full collection covers what was live then: here, a 64 MiB array held across it. */
class HeapPeaksTest {
    @Test
    void fullCollectionReportsAtLeastTheLiveData() throws InterruptedException {
        HeapPeaks.start();
        HeapPeaks.takePeak();
        long[] live = new long[8 << 20]; // 64 MiB
        live[live.length - 1] = 1;
        System.gc();
        HeapPeaks.Peak peak = HeapPeaks.Peak.NONE;
        // Notifications arrive on another thread, shortly after the collection: poll a bounded number of times.
        for (int i = 0; i < 100 && peak.afterFullGcBytes() == 0; i++) {
            Thread.sleep(20);
            peak = peak.max(HeapPeaks.takePeak());
        }
        assertThat(live[live.length - 1]).isEqualTo(1);
        assertThat(peak.afterFullGcBytes()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(peak.afterAnyGcBytes()).isGreaterThanOrEqualTo(peak.afterFullGcBytes());
        assertThat(HeapPeaks.anyCollection()).isTrue();
    }
}
