package vn.thidua.platform.web;

import java.util.List;

/** One page of a list, with the total so a client can draw its pager. Pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
