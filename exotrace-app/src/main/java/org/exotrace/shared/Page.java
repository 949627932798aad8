package org.exotrace.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the rows, the page number (from 0), the page size and the total count. A list of
 * millions of rows is not counted to the end: {@link #counted} stops {@value #COUNT_CAP} rows past the
 * page's first row, and then {@code moreThanTotal} says that {@code total} is a lower bound ("more than 1,000").
 */
public record Page<T>(List<T> rows, int number, int size, long total, boolean moreThanTotal) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** How many rows past the first row of the page a capped count looks at before it stops. */
    public static final int COUNT_CAP = 1000;

    public Page {
        rows = List.copyOf(rows);
    }

    /** A page whose total is exact. */
    public Page(List<T> rows, int number, int size, long total) {
        this(rows, number, size, total, false);
    }

    /**
     * A page whose total was counted with {@code limit} {@link Request#countLimit()}: when the count
     * reached the limit, the total is the page's offset plus {@value #COUNT_CAP} and there are more.
     */
    public static <T> Page<T> counted(List<T> rows, Request request, long countedUpToLimit) {
        long limit = request.countLimit();
        return countedUpToLimit >= limit ? new Page<>(rows, request.number(), request.size(), limit - 1, true)
                : new Page<>(rows, request.number(), request.size(), countedUpToLimit, false);
    }

    public int totalPages() { return (int) Math.max(1, (total + size - 1) / size); }

    public boolean hasNext() { return number + 1 < totalPages(); }

    public boolean hasPrevious() { return number > 0; }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), number, size, total, moreThanTotal);
    }

    /** A clamped page request: negative pages become 0, sizes are kept within 1..MAX_SIZE. */
    public record Request(int number, int size) {
        public Request {
            number = Math.max(0, number);
            size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        }

        public static Request of(Integer number, Integer size) {
            return new Request(number == null ? 0 : number, size == null ? DEFAULT_SIZE : size);
        }

        public int offset() { return number * size; }

        /** The most rows a capped count reads ({@code select count(*) from (select 1 ... limit countLimit)}): one past the cap. */
        public long countLimit() { return (long) offset() + COUNT_CAP + 1; }
    }
}
