package campus.helpdesk.ticket.classify;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.util.List;

/** The stored staff corrections, the classifier's extra training data. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CategoryCorrections extends GenericRepository<CategoryCorrection, Long> {

    /**
     * Only inside the transaction that changes the ticket's category (it joins that transaction and its
     * connection), so a correction is stored exactly when the change commits.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    CategoryCorrection save(CategoryCorrection correction);

    long count();

    List<CategoryCorrection> listOrderById();
}
