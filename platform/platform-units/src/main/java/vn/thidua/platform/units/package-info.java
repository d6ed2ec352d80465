/**
 * The read model of units-service's units (topic {@code thidua.units.v1}) for every service that
 * needs their names: scoring-service and awards-service.
 *
 * <p>A service that depends on this module gets {@link vn.thidua.platform.units.UnitEventsConsumer}
 * on channel {@code units} (the service binds the channel and its dead-letter topic in its
 * application.properties), the entity {@link vn.thidua.platform.units.KnownUnit} over table
 * {@code known_unit} (created by the service's own migration {@code V1__known_unit.sql}, kept there
 * because both services' Flyway histories already hold it), and
 * {@link vn.thidua.platform.units.KnownUnitView} for its read-only REST resource. Nothing outside
 * this package writes the table.
 */
package vn.thidua.platform.units;
