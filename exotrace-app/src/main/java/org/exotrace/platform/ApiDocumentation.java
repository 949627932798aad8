package org.exotrace.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at /v3/api-docs: title, purpose and the two ways in, a personal API
 * token (Bearer, documented as the way in) and HTTP Basic (kept, behind the sign-in throttle).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI exotraceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Exotrace API").version("0.1")
                        .description("Donors, batches, lots, quality control, release and audit for exosome products. "
                                + "Authenticate with a personal API token: make one on the API tokens page of your account (or POST "
                                + "/api/account/tokens), then send 'Authorization: Bearer exo_...'. It carries the roles you chose, expires and "
                                + "can be revoked. HTTP Basic with an account's user name and password still works but checks a password hash on "
                                + "every request and is throttled: repeated wrong passwords answer 429 with Retry-After and lock the account. "
                                + "Errors are RFC 9457 problem+json.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("exo_ token")
                                .description("A personal API token from the API tokens page of your account: the way in."))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User name and password; one password hash per request, throttled after wrong passwords.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
