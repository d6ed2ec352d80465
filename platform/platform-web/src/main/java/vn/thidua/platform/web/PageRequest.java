package vn.thidua.platform.web;

/**
 * The {@code page} and {@code size} query parameters, checked. A page beyond {@link #MAX_PAGE} is
 * refused (400) rather than computed: no list has that many pages, and {@code page × size} of a
 * huge page would overflow into a negative offset (a 500 from the database).
 */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** 100 000 pages of at most 200: an offset far below {@code Integer.MAX_VALUE}. */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (page < 0) {
            throw ProblemException.badRequest("invalid-page", "problem.invalid-page");
        }
        if (page > MAX_PAGE) {
            throw ProblemException.badRequest("invalid-page", "problem.invalid-page-too-far", MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("invalid-page-size", "problem.invalid-page-size", MAX_SIZE);
        }
    }

    /** From nullable query parameters, with defaults. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
