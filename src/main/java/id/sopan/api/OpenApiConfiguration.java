package id.sopan.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the API only, HTTP Basic,
 * and the problem JSON every operation may answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI sopanOpenApi() {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details, title and detail in the "
                        + "language of Accept-Language; extra properties: field (400), case, step, action (409 illegal action)")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema()).addProperty("field", new StringSchema())
                .addProperty("case", new StringSchema()).addProperty("step", new IntegerSchema())
                .addProperty("action", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("Sopan API").version("1")
                        .description("Runs the SOPs of the office as cases: catalog, cases, worklist and task actions. "
                                + "Sign in with HTTP Basic (the organization's users). Errors are RFC 9457 problem JSON "
                                + "in the language of Accept-Language (Bahasa Indonesia by default, English)."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(PROBLEM, problem))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Adds the problem answers to every operation: 400, 401, 403, 404 and 409. */
    @Bean
    OpenApiCustomizer openApiProblemResponses() {
        Map<String, String> answers = Map.of(
                "400", "a missing or wrong field (named in field), unreadable JSON, a wrong parameter",
                "401", "no or a wrong sign-in",
                "403", "the caller's jabatan or role does not allow it",
                "404", "no such case, task or SOP",
                "409", "the engine refuses the action, or the case changed first");
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach((Operation op) ->
                answers.forEach((status, text) -> {
                    if (!op.getResponses().containsKey(status)) {
                        op.getResponses().addApiResponse(status, new ApiResponse().description(text)
                                .content(new Content().addMediaType("application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                    }
                })));
    }
}
