package id.sopan.catalog;

import id.sopan.organization.Office;
import id.sopan.sop.SopDefinition;

import java.util.List;

/**
 * The data files of one office: its description and its SOPs.
 *
 * @param regulation the legal act that sets these SOPs (e.g. the Perbup), shown with them
 * @param files      for each SOP (same order), the file it came from
 */
public record OfficeCatalog(Office office, String regulation, List<SopDefinition> sops, List<String> files) {
    public OfficeCatalog {
        sops = List.copyOf(sops);
        files = List.copyOf(files);
    }
}
