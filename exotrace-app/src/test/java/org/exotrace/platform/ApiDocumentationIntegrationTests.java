package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description tells an integrator what each call takes. Request records nested in
 * different controllers share simple names (Correction, Withdrawal, Approval) with one another and
 * with domain records; named by simple name, one schema replaced the other, so the investigation
 * approval was documented without the password it requires.
 */
class ApiDocumentationIntegrationTests extends IntegrationTest {

    private DocumentContext docs;

    @BeforeEach
    void readDocs() throws Exception {
        String json = getJson("/v3/api-docs", user(Role.LAB_ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        docs = JsonPath.parse(json);
    }

    @Test
    void eachJsonBodyIsDocumentedWithTheFieldsItsCallReads() {
        assertThat(bodyProperties("/api/investigations/{id}/results", "post")).contains("testCode", "performedAt", "method", "retestReason");
        assertThat(bodyProperties("/api/investigations/{id}/approval", "post")).contains("username", "password");
        assertThat(bodyProperties("/api/donors/{id}/screenings/{screeningId}/correction", "post")).contains("testCode", "result", "reason");
    }

    @Test
    void anUploadIsDocumentedWithItsFormFieldsNotAJsonPart() {
        List<String> names = new ArrayList<>(docs.read("$.paths['/api/lots/{lotId}/nta-measurements'].post.parameters[*].name"));
        assertThat(names).contains("source", "pixelSizeNm", "calibrationId").doesNotContain("request");
    }

    /** The properties of the JSON request body of an operation, following its schema reference. */
    private List<String> bodyProperties(String path, String method) {
        String ref = docs.read("$.paths['" + path + "']." + method + ".requestBody.content['application/json'].schema['$ref']");
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        Map<String, Object> properties = docs.read("$.components.schemas['" + name + "'].properties");
        return List.copyOf(properties.keySet());
    }
}
