package org.exotrace.batch.web;

import java.util.Arrays;
import java.util.Map;
import org.exotrace.shared.DomainProblem;
import org.springframework.validation.BindingResult;

/** Puts a refusal's field messages on the form's fields, renaming domain fields the form names differently. */
final class FormErrors {

    private FormErrors() {}

    static void reject(BindingResult binding, DomainProblem p, Map<String, String> renames) {
        if (p.fieldErrors().isEmpty()) binding.reject("problem", p.getMessage());
        p.fieldErrors().forEach((domainField, message) -> {
            String f = renames.getOrDefault(domainField, domainField);
            Object target = binding.getTarget();
            boolean isField = target != null && target.getClass().isRecord()
                    && Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(f));
            if (isField) {
                binding.rejectValue(f, "invalid", message);
            } else {
                binding.reject("problem", f + ": " + message);
            }
        });
    }
}
