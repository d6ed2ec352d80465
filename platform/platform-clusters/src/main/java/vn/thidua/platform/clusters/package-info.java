/**
 * The read model of units-service's cluster-years (topic {@code thidua.clusters.v1}) for every service
 * that needs to know who is in which cluster or block in which year, and who leads it.
 *
 * <p>A service that depends on this module gets: {@link vn.thidua.platform.clusters.ClusterEventsConsumer}
 * on channel {@code clusters} (the service binds the channel in its application.properties), the tables
 * from Flyway location {@code db/clusters} (the service lists it in {@code quarkus.flyway.locations})
 * plus {@code known_cluster_emulation_leader}, which each service creates in its own migrations
 * (V12 in scoring-service and awards-service),
 * and {@link vn.thidua.platform.clusters.ClusterDirectory} to ask the read model, answering with
 * {@link vn.thidua.platform.clusters.ClusterYear}. The entity {@link vn.thidua.platform.clusters.KnownCluster}
 * is public for a service's own REST view of the read model; nothing outside this package writes it.
 */
package vn.thidua.platform.clusters;
