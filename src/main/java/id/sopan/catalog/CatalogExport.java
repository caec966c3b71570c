package id.sopan.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.sopan.sop.ActorKind;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import id.sopan.sop.TimeUnit;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The catalog's public JSON shape ({@code catalog export --format json}), documented in the README.
 * Unlike the stored form it spells every time out in minutes, so other tools need not parse "1.320 menit".
 */
public final class CatalogExport {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CatalogExport() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"office", "sops"})
    record Document(String office, List<ExportedSop> sops) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"code", "title", "titleInferred", "serviceType", "actors", "steps", "totalMinutes", "notes"})
    public record ExportedSop(String code, String title, boolean titleInferred, ServiceType serviceType,
                       List<ExportedActor> actors, List<ExportedStep> steps, int totalMinutes, List<String> notes) {
    }

    @JsonPropertyOrder({"name", "kind"})
    public record ExportedActor(String name, ActorKind kind) {
    }

    /**
     * @param minutes working minutes; null when the time is unknown or not in minutes (working days, months)
     * @param unit    WORKING_MINUTES, WORKING_DAYS, CALENDAR_MONTHS or UNKNOWN
     * @param amount  how many of that unit (0 when unknown)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"number", "kegiatan", "actors", "kelengkapan", "minutes", "durationText", "unit", "amount",
            "output", "keterangan", "decision", "notes"})
    public record ExportedStep(int number, String kegiatan, List<String> actors, String kelengkapan, Integer minutes,
                        String durationText, TimeUnit unit, int amount, String output, String keterangan,
                        ExportedDecision decision, List<String> notes) {
    }

    public record ExportedDecision(int returnsTo) {
    }

    public static String toJson(String officeCode, List<SopDefinition> sops) {
        return JSON.writeValueAsString(new Document(officeCode, sops.stream().map(CatalogExport::export).toList()));
    }

    /** One SOP in the export's shape (the importer's {@code --json}). */
    public static String toJson(SopDefinition sop) {
        return JSON.writeValueAsString(export(sop));
    }

    /** One SOP in the export's shape, as an object (the API answers it as JSON). */
    public static ExportedSop export(SopDefinition sop) {
        return new ExportedSop(sop.code(), sop.title(), sop.titleInferred(), sop.serviceType(),
                sop.actors().stream().map(a -> new ExportedActor(a.name(), a.kind())).toList(),
                sop.steps().stream().map(CatalogExport::export).toList(),
                sop.totalTime().workingMinutes(), sop.notes());
    }

    private static ExportedStep export(Step step) {
        var time = step.waktu();
        Integer minutes = time.unit() == TimeUnit.WORKING_MINUTES ? time.amount() : null;
        return new ExportedStep(step.number(), step.kegiatan(), step.actors(), step.kelengkapan(), minutes,
                time.text(), time.unit(), time.amount(), step.output(), step.keterangan(),
                step.decision() == null ? null : new ExportedDecision(step.decision().returnsTo()), step.notes());
    }
}
