package org.exotrace.specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exotrace.product.Products;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every product without a specification the default one built from quality.md and the
 * seeds ({@link DefaultSpecifications#humanMscExosomeSerum()}), each test labelled with its source.
 * QA edits them by publishing new versions.
 *
 * <p>Upgrade: a specification published before particles per ampoule became a derived test (it was
 * typed by hand, and nothing compared the measured concentration with the declared one) gets one new
 * version, published as {@code system} with {@link #UPGRADE_REASON}, in which particles per ampoule is
 * particle concentration × fill volume and the concentration is compared with the declared one within
 * {@link DefaultSpecifications#DECLARED_TOLERANCE}-fold (UNVERIFIED). It happens once per product:
 * a later version QA publishes without it is left alone.
 */
@Component
@Order(20)
class DefaultSpecificationSeeder implements ApplicationRunner {

    static final String UPGRADE_REASON = "Upgrade: particles per ampoule is now computed as particle concentration × fill volume "
            + "instead of typed, and the measured concentration must agree with the declared one within "
            + "2-fold (UNVERIFIED default: QA to review)";
    private static final String PER_AMPOULE = "particles_per_ampoule";
    private static final String CONCENTRATION = "particle_concentration";

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
            Optional<Specification> effective = catalog.effective(p.code());
            if (effective.isEmpty()) {
                catalog.publish(p.code(), DefaultSpecifications.humanMscExosomeSerum(), null);
            } else if (catalog.versions(p.code()).stream().noneMatch(v -> UPGRADE_REASON.equals(v.changeReason()))) {
                upgraded(effective.get().tests()).ifPresent(tests -> catalog.publish(p.code(), tests, UPGRADE_REASON));
            }
        }));
    }

    /** The tests with particles per ampoule derived and the concentration compared, or empty when there is nothing to upgrade. */
    static Optional<List<TestDefinition>> upgraded(List<TestDefinition> tests) {
        Optional<TestDefinition> perAmpoule = tests.stream().filter(t -> t.code().equals(PER_AMPOULE)).findFirst();
        Optional<TestDefinition> concentration = tests.stream().filter(t -> t.code().equals(CONCENTRATION)).findFirst();
        if (perAmpoule.isEmpty() || perAmpoule.get().derived() || concentration.isEmpty() || concentration.get().derived()) {
            return Optional.empty();
        }
        boolean compared = tests.stream().anyMatch(t -> t.declaredTolerance() != null);
        List<TestDefinition> out = new ArrayList<>();
        for (TestDefinition t : tests) {
            if (t == perAmpoule.get()) {
                out.add(new TestDefinition(t.code(), t.name(), t.kind(), t.unit(), t.lower(), t.upper(), t.warnLower(), t.warnUpper(),
                        t.allowedValues(), t.acceptedValues(), t.required(), t.misevItem(), append(t.source(), "computed, never typed"),
                        Derivation.of(CONCENTRATION, Derivation.FILL_VOLUME), null));
            } else if (t == concentration.get() && !compared) {
                out.add(new TestDefinition(t.code(), t.name(), t.kind(), t.unit(), t.lower(), t.upper(), t.warnLower(), t.warnUpper(),
                        t.allowedValues(), t.acceptedValues(), t.required(), t.misevItem(),
                        append(t.source(), "within 2-fold of the declared concentration: UNVERIFIED default, set per product"),
                        null, DefaultSpecifications.DECLARED_TOLERANCE));
            } else {
                out.add(t);
            }
        }
        try {
            SpecificationChecks.checkDerivations(out);
            return Optional.of(out);
        } catch (InvalidSpecification e) {
            return Optional.empty();
        }
    }

    private static String append(String source, String note) {
        return source == null ? note : source + "; " + note;
    }
}
