package campus.helpdesk.ticket.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway migrates through patient connections: the pool's 1 s lock limit is for requests, which someone waits on,
 * while a migration's ALTER TABLE may have to wait for autovacuum or an analytics snapshot's long read, and failing
 * it would stop a ticket-service being upgraded from starting at all.
 */
@Singleton
@Named(PatientMigrations.DATASOURCE)
class PatientMigrations implements FlywayConfigurationCustomizer {

    static final String DATASOURCE = "default";

    @Override
    public String getName() {
        return DATASOURCE;
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.dataSource(PatientConnection.dataSource(
                DelegatingDataSource.unwrapDataSource(configuration.getDataSource())));
    }
}
