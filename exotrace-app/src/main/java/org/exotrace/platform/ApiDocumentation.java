package org.exotrace.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs: title, purpose and the HTTP Basic scheme. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI exotraceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Exotrace API").version("0.1")
                        .description("Donors, batches, lots, quality control, release and audit for exosome products. "
                                + "Authenticate with HTTP Basic using an Exotrace account; errors are RFC 9457 problem+json.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
