package org.exotrace.treatment;

import java.util.EnumSet;
import java.util.Set;
import org.exotrace.product.Product;
import org.exotrace.product.ProductForm;
import org.exotrace.compliance.Route;

/**
 * Which product forms a route can deliver: a serum, cream or gel goes on the skin, intact or after
 * a procedure that opens the barrier; an injectable solution is injected; a bulk isolate is lab
 * material, never applied to a patient.
 */
final class ProductRoutes {

    private ProductRoutes() {
    }

    static Set<Route.Group> groups(ProductForm form) {
        return switch (form) {
            case SERUM, CREAM, GEL -> EnumSet.of(Route.Group.TOPICAL_INTACT, Route.Group.BARRIER_DISRUPTED);
            case INJECTABLE_SOLUTION -> EnumSet.of(Route.Group.INJECTION, Route.Group.SYSTEMIC);
            case BULK -> EnumSet.noneOf(Route.Group.class);
        };
    }

    static boolean fits(Product product, Route route) {
        return groups(product.form()).contains(route.group());
    }

    /** Why the product cannot be given by the route, in words for the plan form. */
    static String misfit(Product product, Route route) {
        if (product.form() == ProductForm.BULK) return product.name() + " is a bulk isolate for the lab, not a product for patients";
        return product.name() + " is " + article(product.form().label()) + "; "
                + route.label().toLowerCase(java.util.Locale.ROOT) + " (the protocol's route) needs "
                + (route.group() == Route.Group.INJECTION || route.group() == Route.Group.SYSTEMIC
                        ? "an injectable solution" : "a serum, cream or gel");
    }

    private static String article(String label) {
        String lower = label.toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
    }
}
