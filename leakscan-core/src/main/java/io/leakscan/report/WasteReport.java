package io.leakscan.report;

import java.util.List;

/**
 * Memory that could be saved, by category and by the biggest findings ({@code leakscan waste}, and the
 * {@code waste} section of {@code analyze}). Percentages are of the used heap. How each figure is
 * computed: {@code docs/waste.md}. Immutable.
 *
 * @param usedHeapBytes    the used heap the percentages refer to
 * @param savedBytes       all categories together
 * @param savedPercent     the same as a percentage of the used heap
 * @param categories       totals per category, biggest first
 * @param duplicateStrings the biggest groups of equal Strings
 * @param duplicateArrays  the biggest groups of equal primitive arrays (Strings' arrays excluded)
 * @param collections      collection classes by category (empty, nearly-empty, low-fill)
 * @param boxedNumbers     boxed numbers by class
 * @param zeroLengthArrays zero-length arrays by class
 */
public record WasteReport(long usedHeapBytes, long savedBytes, double savedPercent, List<Category> categories,
        List<DuplicateString> duplicateStrings, List<DuplicateArray> duplicateArrays, List<Collection> collections,
        List<ClassRow> boxedNumbers, List<ClassRow> zeroLengthArrays) {

    /** @param kind duplicate-strings, duplicate-arrays, empty-collections, nearly-empty-collections, low-fill-collections, boxed-numbers, zero-length-arrays */
    public record Category(String kind, long objects, long savedBytes, double savedPercent) {
    }

    /** @param value the text (quoted, cut at 200 characters); @param holders {@code class.field} and how many copies it holds (on their shortest paths) */
    public record DuplicateString(String value, long count, long distinctArrays, long savedBytes, double savedPercent,
            String example, List<Holder> holders) {
    }

    public record Holder(String holder, long count) {
    }

    /** @param firstElements the content's first elements */
    public record DuplicateArray(String className, int length, long count, long savedBytes, double savedPercent,
            String firstElements, String example) {
    }

    /** @param elements total size of the instances; @param capacity total length of their backing arrays */
    public record Collection(String className, String kind, long instances, long elements, long capacity,
            long savedBytes, double savedPercent) {
    }

    public record ClassRow(String className, long instances, long savedBytes, double savedPercent) {
    }
}
