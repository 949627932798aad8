package org.exotrace.course.fhir;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.treatment.AdverseEvent;
import org.exotrace.followup.Assessment;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.PatientConsent;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentSession;
import org.exotrace.outcome.Instrument;
import org.hl7.fhir.r5.model.AdverseEvent.AdverseEventActuality;
import org.hl7.fhir.r5.model.AdverseEvent.AdverseEventStatus;
import org.hl7.fhir.r5.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.CarePlan;
import org.hl7.fhir.r5.model.CodeType;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.CodeableReference;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.Consent;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DateType;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.Identifier;
import org.hl7.fhir.r5.model.Observation;
import org.hl7.fhir.r5.model.Organization;
import org.hl7.fhir.r5.model.Period;
import org.hl7.fhir.r5.model.Procedure;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.Resource;

/**
 * One patient's course as a FHIR R5 collection bundle: the clinic (Organization), the Patient,
 * their Consents, each plan (CarePlan), each session (Procedure, whose {@code used} points to the
 * BiologicallyDerivedProduct of the unit applied), each valid assessment (Observation, amended when it corrected an earlier one) and each adverse
 * event (AdverseEvent, with the procedure and the unit as suspect entities). Resources refer to one
 * another by {@code urn:uuid} full URLs inside the bundle; the uuids are Exotrace's own ids, so an
 * export is the same every time it is made.
 *
 * <p>Concepts without a standard code here (consent kinds, outcome instruments, WHO-UMC causality,
 * severity) use Exotrace code systems under {@value #NS} and always carry their text.
 */
final class FhirCourse {

    static final String NS = "urn:exotrace:fhir:";
    static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";

    private final Bundle bundle = new Bundle();
    private final Map<UUID, Reference> references = new LinkedHashMap<>();

    FhirCourse() {
        bundle.setType(Bundle.BundleType.COLLECTION);
    }

    Bundle bundle() {
        return bundle;
    }

    Reference organization(Clinic clinic) {
        Organization o = new Organization();
        o.addIdentifier(identifier("clinic-code", clinic.code()));
        o.setName(clinic.name());
        o.addExtension(new Extension(NS + "jurisdiction", new CodeType(clinic.jurisdiction())));
        return add(clinic.id(), o, clinic.name());
    }

    Reference patient(Patient p, Reference clinic) {
        org.hl7.fhir.r5.model.Patient r = new org.hl7.fhir.r5.model.Patient();
        r.addIdentifier(identifier("patient-pseudonym", p.pseudonym()));
        r.addName().setFamily(p.familyName()).addGiven(p.givenName());
        r.setBirthDateElement(new DateType(p.dateOfBirth().toString()));
        r.setGender(switch (p.sex()) {
            case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
            case MALE -> Enumerations.AdministrativeGender.MALE;
            case OTHER -> Enumerations.AdministrativeGender.OTHER;
            case UNKNOWN -> Enumerations.AdministrativeGender.UNKNOWN;
        });
        r.setManagingOrganization(clinic);
        if (p.fitzpatrick() != null) r.addExtension(new Extension(NS + "fitzpatrick-phototype", new CodeType(p.fitzpatrick())));
        return add(p.id(), r, p.pseudonym());
    }

    void consent(PatientConsent c, Reference patient, Reference clinic) {
        Consent r = new Consent();
        r.setStatus(c.withdrawnOn() == null ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        r.addCategory(concept("consent-kind", c.kind().name(), c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        r.setSubject(patient);
        r.setDateElement(new DateType(c.signedOn().toString()));
        Period period = new Period().setStartElement(new DateTimeType(c.signedOn().toString()));
        if (c.withdrawnOn() != null) period.setEndElement(new DateTimeType(c.withdrawnOn().toString()));
        r.setPeriod(period);
        r.addGrantor(patient);
        r.addController(clinic);
        r.setDecision(Enumerations.ConsentProvisionType.PERMIT);
        r.addIdentifier(identifier("consent-form-version", c.formVersion()));
        add(c.id(), r, null);
    }

    Reference plan(TreatmentPlan p, ProtocolTemplate template, Reference patient) {
        CarePlan r = new CarePlan();
        r.setStatus(Enumerations.RequestStatus.ACTIVE);
        r.setIntent(CarePlan.CarePlanIntent.PLAN);
        r.setTitle(template.name());
        r.setDescription(p.route().label() + "; " + p.purpose().label() + (p.trialId() == null ? "" : "; trial " + p.trialId()) + ". "
                + p.complianceMessage());
        r.setSubject(patient);
        r.setPeriod(new Period().setStartElement(new DateTimeType(p.startOn().toString())));
        r.addIdentifier(identifier("protocol-template", template.code()));
        return add(p.id(), r, template.name());
    }

    /** The unit applied, once per unit. */
    Reference unit(TreatmentSession s, Lot lot) {
        UUID key = UUID.nameUUIDFromBytes(("unit:" + s.unitCode()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (references.containsKey(key)) return references.get(key);
        BiologicallyDerivedProduct r = new BiologicallyDerivedProduct();
        r.addIdentifier(identifier("unit-code", s.unitCode()));
        r.setBiologicalSourceEvent(identifier("lot-code", s.lotCode()));
        r.setProductCode(new CodeableConcept().addCoding(new Coding(NS + "product", s.productCode(), null)).setText(s.productCode()));
        r.setDivision(s.unitCode());
        if (lot != null) r.setExpirationDateElement(new DateTimeType(lot.expiresOn().toString()));
        for (var source : s.sourceTypes()) {
            r.addProperty().setType(concept("property", "source", "source of the vesicles"))
                    .setValue(concept("source-type", source.name(), source.label()));
        }
        if (s.particlesPerMl() != null) {
            r.addProperty().setType(concept("property", "particle-concentration",
                            "particle concentration (" + (s.concentrationBasis() != null ? s.concentrationBasis()
                                    : s.concentrationSource().name().toLowerCase(Locale.ROOT)) + ")"))
                    .setValue(new Quantity().setValue(s.particlesPerMl()).setUnit("particles/mL").setSystem("http://unitsofmeasure.org")
                            .setCode("/mL"));
        }
        return add(key, r, s.unitCode());
    }

    Reference session(TreatmentSession s, Reference plan, Reference patient, Reference unit) {
        Procedure r = new Procedure();
        r.setStatus(Enumerations.EventStatus.COMPLETED);
        r.addBasedOn(plan);
        r.setCode(concept("route", s.route().name(), "Exosome application: " + s.route().label()));
        r.setSubject(patient);
        r.setOccurrence(new DateTimeType(s.performedOn().toString()));
        r.addPerformer().setActor(new Reference().setDisplay(s.operator()));
        r.addBodySite(new CodeableConcept().setText(s.area() + (s.side() == null ? "" : " (" + s.side().label() + ")")));
        r.addUsed(new CodeableReference(unit));
        r.addIdentifier(identifier("session", s.id().toString()));
        String dose = s.doseParticles() == null ? "dose unknown" : String.format(Locale.ROOT, "%.3g particles", s.doseParticles());
        r.addNote().setText("Volume " + s.volumeMl() + " mL; " + dose + device(s.device()));
        return add(s.id(), r, "Session " + s.number());
    }

    /** A valid assessment; {@code amends} when it corrected an earlier one. */
    void assessment(Assessment a, boolean amends, Reference patient, Reference plan) {
        Observation r = new Observation();
        r.setStatus(amends ? Enumerations.ObservationStatus.AMENDED : Enumerations.ObservationStatus.FINAL);
        r.addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                a.instrument().kind() == Instrument.Kind.MEASUREMENT ? "exam" : "survey", null)));
        r.setCode(concept("instrument", a.instrument().name(), a.instrument().code() + ": " + a.instrument().title()));
        r.setSubject(patient);
        if (plan != null) r.addBasedOn(plan);
        r.setEffective(new DateTimeType(a.assessedOn().toString()));
        if (a.value() != null) {
            String unit = a.instrument().unit();
            r.setValue(new Quantity().setValue(a.value()).setUnit(unit.isEmpty() ? "{score}" : unit));
        } else if (a.band() != null) {
            r.setValue(new CodeableConcept().setText(a.band()));
        }
        if (a.band() != null && a.value() != null) r.addInterpretation(new CodeableConcept().setText(a.band()));
        if (a.side() != null && a.side() != Side.BOTH) r.setBodySite(new CodeableConcept().setText(a.side().label()));
        r.addPerformer(new Reference().setDisplay(a.assessor()));
        a.parts().forEach((name, value) -> r.addComponent().setCode(new CodeableConcept().setText(name)).setValue(new Quantity().setValue(value)));
        add(a.id(), r, null);
    }

    void adverseEvent(AdverseEvent e, Reference patient, Reference procedure, Reference unit) {
        org.hl7.fhir.r5.model.AdverseEvent r = new org.hl7.fhir.r5.model.AdverseEvent();
        r.setStatus(e.outcome() == AdverseEvent.Outcome.RECOVERED || e.outcome() == AdverseEvent.Outcome.RECOVERED_WITH_SEQUELAE
                || e.outcome() == AdverseEvent.Outcome.FATAL ? AdverseEventStatus.COMPLETED : AdverseEventStatus.INPROGRESS);
        r.setActuality(AdverseEventActuality.ACTUAL);
        r.setCode(new CodeableConcept().setText(e.term()));
        r.setSubject(patient);
        r.setOccurrence(new DateTimeType(e.onsetOn().toString()));
        r.setRecordedDate(Date.from(e.reportedAt()));
        r.setSeriousness(new CodeableConcept().addCoding(new Coding(SERIOUSNESS, e.serious() ? "serious" : "non-serious",
                e.serious() ? "Serious" : "Non-serious")));
        e.seriousness().forEach(c -> r.addExtension(new Extension(NS + "seriousness-criterion", new CodeType(c.name()))));
        r.addExtension(new Extension(NS + "severity", new CodeType(e.severity().name())));
        r.addOutcome(concept("adverse-event-outcome", e.outcome().name(), e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        CodeableConcept relatedness = concept("who-umc-causality", e.causality().name(), e.causality().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        for (Reference suspect : List.of(procedure, unit)) {
            r.addSuspectEntity().setInstance(suspect.copy()).getCausality()
                    .setAssessmentMethod(new CodeableConcept().setText("WHO-UMC causality assessment")).setEntityRelatedness(relatedness);
        }
        if (e.actionTaken() != null) r.addNote().setText("Action taken: " + e.actionTaken());
        if (e.description() != null) r.addNote().setText(e.description());
        if (e.resolvedOn() != null) r.addExtension(new Extension(NS + "resolved-on", new DateType(e.resolvedOn().toString())));
        add(e.id(), r, null);
    }

    private Reference add(UUID id, Resource resource, String display) {
        String url = "urn:uuid:" + id;
        resource.setId(id.toString());
        bundle.addEntry().setFullUrl(url).setResource(resource);
        Reference ref = new Reference(url);
        if (display != null) ref.setDisplay(display);
        references.put(id, ref);
        return ref;
    }

    private static String device(TreatmentSession.Device d) {
        StringBuilder s = new StringBuilder();
        if (d.name() != null) s.append("; device ").append(d.name());
        if (d.needleDepthMm() != null) s.append("; needle depth ").append(d.needleDepthMm()).append(" mm");
        if (d.energyMj() != null) s.append("; energy ").append(d.energyMj()).append(" mJ");
        if (d.passes() != null) s.append("; ").append(d.passes()).append(" passes");
        if (d.note() != null) s.append("; ").append(d.note());
        return s.toString();
    }

    private static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(NS + system).setValue(value);
    }

    private static CodeableConcept concept(String system, String code, String text) {
        return new CodeableConcept().addCoding(new Coding(NS + system, code, text)).setText(text);
    }
}
