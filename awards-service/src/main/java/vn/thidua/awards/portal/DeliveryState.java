package vn.thidua.awards.portal;

/**
 * Where a delivery to the portal stands. PENDING: to be sent, or being retried after a failure
 * the portal may recover from; DELIVERED: the portal answered 2xx (or 409 "already received" for
 * the same key); FAILED: the portal refused it (another 4xx) — it stays so until the Board retries.
 */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
