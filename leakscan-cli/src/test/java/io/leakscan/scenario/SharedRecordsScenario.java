package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An index of small lists that all point at the same records: 20 tags, each record filed under three of
 * them, never removed. No single list retains a record; the lists hold them collectively.
 */
public final class SharedRecordsScenario extends GrowthScenario {
    /** A record with a payload. */
    public static final class Record {
        final long id;
        final byte[] body = new byte[500];

        Record(long id) {
            this.id = id;
        }
    }

    static final Map<String, List<Record>> BY_TAG = new HashMap<>();
    private long next;

    @Override
    protected void setUp() {
        for (int t = 0; t < 20; t++) {
            BY_TAG.put("tag-" + t, new ArrayList<>());
        }
        add(300);
    }

    @Override
    protected void grow(int round) {
        add(1_500);
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            Record r = new Record(next++);
            for (int k = 0; k < 3; k++) {
                BY_TAG.get("tag-" + (r.id * 7 + k) % 20).add(r);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        run(new SharedRecordsScenario(), args);
    }
}
