package io.leakscan.report;

import java.util.List;

/**
 * Every thread with what it holds ({@code leakscan threads}, and the {@code threads} section of
 * {@code analyze}), biggest retained size first. Immutable; see {@code docs/json.md}.
 *
 * @param threads the threads
 */
public record ThreadsReport(List<ThreadEntry> threads) {
    /**
     * One thread.
     *
     * @param name              its name, null when the dump does not tell
     * @param state             NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING or TERMINATED from its
     *                          {@code threadStatus}; null when the dump does not record it
     * @param object            the thread object, with its retained size
     * @param frames            its stack, top first ({@code com.acme.Foo.run(Foo.java:42)}); empty when the
     *                          dump has no stack trace for it
     * @param localCount        objects its stack frames hold
     * @param locals            the biggest of them
     * @param threadLocalCount  values of its ThreadLocals
     * @param threadLocalValues the biggest of them
     */
    public record ThreadEntry(String name, String state, ObjectRef object, List<String> frames, int localCount,
            List<Local> locals, int threadLocalCount, List<ObjectRef> threadLocalValues) {
    }

    /**
     * An object held by a stack frame.
     *
     * @param frame  depth of the frame (0 = top), -1 when the dump does not say
     * @param method that frame's method, null when unknown
     * @param object the object
     */
    public record Local(int frame, String method, ObjectRef object) {
    }
}
