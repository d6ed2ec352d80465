package vn.thidua.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessLogQueryTest {

    @Test
    void keepsTheNamesOfQueryParametersNotTheirValues() {
        assertEquals(List.of("q", "year", "page"), List.copyOf(AccessLog.queryNames("q=Nguy%E1%BB%85n+V%C4%83n+A&year=2025&page=2&q=x")));
        assertEquals(Set.of(), AccessLog.queryNames(null));
        assertEquals(Set.of(), AccessLog.queryNames(""));
        assertEquals(Set.of("flag"), AccessLog.queryNames("flag"));
        assertEquals(Set.of("a?b"), AccessLog.queryNames("a\"b=1"), "nothing that could break the JSON line or a terminal");
    }
}
