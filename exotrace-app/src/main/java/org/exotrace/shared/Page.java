package org.exotrace.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the rows, the page number (from 0), the page size and the total count. */
public record Page<T>(List<T> rows, int number, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public Page {
        rows = List.copyOf(rows);
    }

    public int totalPages() { return (int) Math.max(1, (total + size - 1) / size); }

    public boolean hasNext() { return number + 1 < totalPages(); }

    public boolean hasPrevious() { return number > 0; }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), number, size, total);
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
    }
}
