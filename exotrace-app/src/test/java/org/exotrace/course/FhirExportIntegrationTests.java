package org.exotrace.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.hl7.fhir.r5.model.AdverseEvent;
import org.hl7.fhir.r5.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.CarePlan;
import org.hl7.fhir.r5.model.Consent;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.Observation;
import org.hl7.fhir.r5.model.Organization;
import org.hl7.fhir.r5.model.Patient;
import org.hl7.fhir.r5.model.Procedure;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The FHIR R5 export of a course is parsed back with HAPI FHIR and every reference is followed:
 * the procedure used the unit's BiologicallyDerivedProduct, the adverse event suspects the
 * procedure and the unit, the consent and the plan belong to the patient, the patient to the clinic.
 */
class FhirExportIntegrationTests extends IntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR5Cached();

    @Test
    void aCourseExportsAsFhirR5WhoseReferencesAllResolveInsideTheBundle() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        TestUser otherDoctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        clinics.clinic("KR", otherDoctor);
        String patient = clinics.patient(clinic, doctor, "melasma");
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        String session = read(postJson("/api/plans/" + plan + "/sessions", doctor, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Dermapen 4", "needleDepthMm": 0.5, "area": "full face"}""".formatted(units.get(0)))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/sessions/" + session + "/adverse-events", doctor, """
                {"term": "Erythema", "onsetOn": "%s", "severity": "MILD", "causality": "PROBABLE", "outcome": "RECOVERING"}"""
                .formatted(LocalDate.now())).andExpect(status().isCreated());

        String clear = "{\"erythema\": 0, \"oedemaPapulation\": 0, \"excoriation\": 0, \"lichenification\": 0, \"areaPercent\": 0}";
        String easi = read(postJson("/api/patients/" + patient + "/assessments", doctor, "{\"instrument\": \"EASI\", \"planId\": \"" + plan
                + "\", \"components\": {\"headNeck\": " + clear + ", \"upperLimbs\": " + clear + ", \"lowerLimbs\": " + clear
                + ", \"trunk\": {\"erythema\": 3, \"oedemaPapulation\": 2, \"excoriation\": 1, \"lichenification\": 0, \"areaPercent\": 50}}}")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/assessments/" + easi + "/correction", doctor, "{\"reason\": \"trunk erythema was 2, not 3\", \"components\": "
                + "{\"headNeck\": " + clear + ", \"upperLimbs\": " + clear + ", \"lowerLimbs\": " + clear
                + ", \"trunk\": {\"erythema\": 2, \"oedemaPapulation\": 2, \"excoriation\": 1, \"lichenification\": 0, \"areaPercent\": 50}}}")
                .andExpect(status().isCreated());

        long audits = count("audit_entry");
        String json = mvc.perform(MockMvcRequestBuilders.get("/api/patients/" + patient + "/fhir").with(doctor.basic())
                        .accept(MediaType.parseMediaType("application/fhir+json")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/fhir+json"))
                .andReturn().getResponse().getContentAsString();
        assertThat(count("audit_entry")).isEqualTo(audits + 1);

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        Map<String, Resource> byUrl = bundle.getEntry().stream().collect(Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl,
                Bundle.BundleEntryComponent::getResource));
        Function<Reference, Resource> resolve = ref -> {
            assertThat(byUrl).as("reference %s", ref.getReference()).containsKey(ref.getReference());
            return byUrl.get(ref.getReference());
        };

        Patient fhirPatient = only(bundle, Patient.class);
        assertThat(fhirPatient.getIdentifierFirstRep().getValue()).startsWith("P-");
        assertThat(fhirPatient.getNameFirstRep().getFamily()).isEqualTo("Patient");
        assertThat(resolve.apply(fhirPatient.getManagingOrganization())).isInstanceOf(Organization.class);
        Consent consent = only(bundle, Consent.class);
        assertThat(resolve.apply(consent.getSubject())).isSameAs(fhirPatient);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        CarePlan carePlan = only(bundle, CarePlan.class);
        assertThat(resolve.apply(carePlan.getSubject())).isSameAs(fhirPatient);

        Procedure procedure = only(bundle, Procedure.class);
        assertThat(resolve.apply(procedure.getSubject())).isSameAs(fhirPatient);
        assertThat(resolve.apply(procedure.getBasedOnFirstRep())).isSameAs(carePlan);
        Resource used = resolve.apply(procedure.getUsedFirstRep().getReference());
        assertThat(used).isInstanceOf(BiologicallyDerivedProduct.class);
        BiologicallyDerivedProduct product = (BiologicallyDerivedProduct) used;
        assertThat(product.getIdentifierFirstRep().getValue()).isEqualTo(units.get(0));
        assertThat(product.getBiologicalSourceEvent().getValue()).startsWith("L-");
        assertThat(procedure.getNoteFirstRep().getText()).contains("Volume 0.5 mL; 2.00e+09 particles; device Dermapen 4; needle depth 0.5 mm");

        // Only the correction is exported, as amended: trunk 0.3 x area 4 x signs 5 = 6.
        Observation observation = only(bundle, Observation.class);
        assertThat(observation.getStatus()).isEqualTo(Enumerations.ObservationStatus.AMENDED);
        assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo("6");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("EASI");
        assertThat(resolve.apply(observation.getSubject())).isSameAs(fhirPatient);
        assertThat(resolve.apply(observation.getBasedOnFirstRep())).isSameAs(carePlan);

        AdverseEvent event = only(bundle, AdverseEvent.class);
        assertThat(resolve.apply(event.getSubject())).isSameAs(fhirPatient);
        assertThat(event.getSuspectEntity()).extracting(s -> resolve.apply(s.getInstanceReference())).containsExactly(procedure, product);
        assertThat(event.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("non-serious");
        assertThat(event.getSuspectEntityFirstRep().getCausality().getEntityRelatedness().getCodingFirstRep().getCode()).isEqualTo("PROBABLE");

        // Every reference anywhere in the bundle resolves inside it.
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            for (Reference ref : FHIR.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
                if (ref.hasReference()) resolve.apply(ref);
            }
        }

        getJson("/api/patients/" + patient + "/fhir", otherDoctor).andExpect(status().isNotFound());
        getJson("/api/patients/" + patient + "/fhir", analyst).andExpect(status().isForbidden());
    }

    private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        List<T> found = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}
