package id.sopan.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.sopan.sop.ActorKind;
import id.sopan.sop.ServiceStandard;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopIdentity;

import java.util.List;

/**
 * The written form of an SOP: a catalog data file (YAML) and the stored version (JSON) share it.
 * Times keep the printed text ({@code waktu}); {@code standardTime} resolves a printed time that cannot
 * be read as it stands ("3:30 menit", none at all), always beside a note.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"code", "title", "titleInferred", "serviceType", "identity", "serviceStandard", "actors", "steps", "notes"})
record SopFile(
        String code,
        String title,
        Boolean titleInferred,
        ServiceType serviceType,
        SopIdentity identity,
        ServiceStandard serviceStandard,
        List<ActorFile> actors,
        List<StepFile> steps,
        List<String> notes) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "kind", "sourceName"})
    record ActorFile(String name, ActorKind kind, String sourceName) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"number", "kegiatan", "actors", "kelengkapan", "waktu", "standardTime", "output", "keterangan",
            "decision", "notes"})
    record StepFile(
            Integer number,
            String kegiatan,
            List<String> actors,
            String kelengkapan,
            String waktu,
            String standardTime,
            String output,
            String keterangan,
            DecisionFile decision,
            List<String> notes) {
    }

    record DecisionFile(Integer returnsTo) {
    }
}
