package vn.thidua.platform.web;

/** The {@code page} and {@code size} query parameters, checked. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw ProblemException.badRequest("invalid-page", "problem.invalid-page");
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
