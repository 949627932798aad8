package org.exotrace.specification;

import java.util.regex.Pattern;

/**
 * The code of a test within a specification ({@code particle_concentration}), as a value rather
 * than a bare string, with the codes of the default specification that other modules name
 * ({@link DefaultSpecifications#humanMscExosomeSerum()}): the characterization module records
 * {@link #SIZE_MODE}, {@link #SIZE_D50} and {@link #PARTICLE_CONCENTRATION} from an NTA
 * measurement, the demo enters results under these codes. A QA person may define further tests,
 * so the set is open; results, investigations and the database keep the code as text
 * ({@link #value()}).
 *
 * @param value 2 to 48 characters of lower-case letters, digits and underscores, starting with a letter
 */
public record TestCode(String value) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,47}");

    public static final TestCode SIZE_MODE = new TestCode("size_mode");
    public static final TestCode SIZE_D50 = new TestCode("size_d50");
    public static final TestCode PARTICLES_PER_AMPOULE = new TestCode("particles_per_ampoule");
    public static final TestCode PARTICLE_CONCENTRATION = new TestCode("particle_concentration");
    public static final TestCode TOTAL_PROTEIN = new TestCode("total_protein");
    public static final TestCode PARTICLES_PER_UG_PROTEIN = new TestCode("particles_per_ug_protein");
    public static final TestCode MARKER_TRANSMEMBRANE = new TestCode("marker_transmembrane");
    public static final TestCode MARKER_CYTOSOLIC = new TestCode("marker_cytosolic");
    public static final TestCode MARKER_CALNEXIN = new TestCode("marker_calnexin");
    public static final TestCode STERILITY = new TestCode("sterility");
    public static final TestCode ENDOTOXIN = new TestCode("endotoxin");
    public static final TestCode MYCOPLASMA = new TestCode("mycoplasma");
    public static final TestCode EV_IMAGING = new TestCode("ev_imaging");
    public static final TestCode APPEARANCE = new TestCode("appearance");

    public TestCode {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("test code '" + value + "' must be 2 to 48 characters of lower-case "
                    + "letters, digits and underscores, starting with a letter");
        }
    }

    /** The code as stored and as results and investigations carry it. */
    @Override
    public String toString() {
        return value;
    }

    /** Whether a code as stored (a result's or an investigation's) is this one. */
    public boolean is(String code) {
        return value.equals(code);
    }
}
