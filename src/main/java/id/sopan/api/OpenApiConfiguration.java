package id.sopan.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the API only, HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI sopanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Sopan API").version("1")
                        .description("Runs the SOPs of the office as cases: catalog, cases, worklist and task actions. "
                                + "Sign in with HTTP Basic (the organization's users). Errors are RFC 9457 problem JSON "
                                + "in the language of Accept-Language (Bahasa Indonesia by default, English)."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
