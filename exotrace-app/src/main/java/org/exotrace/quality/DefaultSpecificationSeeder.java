package org.exotrace.quality;

import org.exotrace.batch.Products;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every product without a specification the default one built from quality.md and the
 * seeds ({@link DefaultSpecifications#humanMscExosomeSerum()}), each test labelled with its source.
 * QA edits them by publishing new versions.
 */
@Component
@Order(20)
class DefaultSpecificationSeeder implements ApplicationRunner {

    private final SpecificationCatalog catalog;
    private final Products products;
    private final TransactionTemplate tx;

    DefaultSpecificationSeeder(SpecificationCatalog catalog, Products products, TransactionTemplate tx) {
        this.catalog = catalog;
        this.products = products;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> products.all().forEach(p -> {
            if (catalog.effective(p.code()).isEmpty()) {
                catalog.publish(p.code(), DefaultSpecifications.humanMscExosomeSerum(), null);
            }
        }));
    }
}
