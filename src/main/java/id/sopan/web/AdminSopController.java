package id.sopan.web;

import id.sopan.catalog.CatalogService;
import id.sopan.catalog.SopCodec;
import id.sopan.catalog.SopStatus;
import id.sopan.catalog.SopVersionException;
import id.sopan.catalog.SopVersionSummary;
import id.sopan.catalog.StoredVersion;
import id.sopan.sop.Messages;
import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopValidator;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * SOP authoring: the versions of every SOP; Revisi (a draft from the current version); editing a draft as its YAML
 * with a live Validasi (the {@link SopValidator} problems per step and field, in the user's language); submitting
 * it; pengesahan and pencabutan by the Kepala (see {@code SecurityConfiguration}). Every refusal is shown on the page.
 */
@Controller
class AdminSopController {

    /** The longest YAML the editor takes. */
    static final int MAX_YAML = 200_000;
    /** The longest title the catalog stores ({@code sop_version.title}). */
    static final int MAX_TITLE = 500;

    /** One problem as the page shows it: where (line of the YAML, step, field) and what, worded. */
    record ProblemView(boolean error, Integer line, Integer step, String field, String text) {
    }

    /** One SOP in the list: its berlaku version and its draft (either may be missing), and the newest version. */
    record SopRow(String code, String title, SopVersionSummary berlaku, SopVersionSummary draft,
                  SopVersionSummary latest) {
    }

    private record Parsed(SopDefinition sop, List<Problem> problems, boolean storable) {
    }

    private final CatalogService catalog;
    private final String office;

    AdminSopController(CatalogService catalog, @Value("${sopan.default-office:DKUKM}") String office) {
        this.catalog = catalog;
        this.office = office;
    }

    @GetMapping("/admin/sop")
    String list(Model model) {
        Map<String, List<SopVersionSummary>> byCode = new LinkedHashMap<>();
        catalog.versions(office).forEach(v -> byCode.computeIfAbsent(v.code(), c -> new ArrayList<>()).add(v));
        List<SopRow> rows = new ArrayList<>();
        byCode.forEach((code, versions) -> {
            SopVersionSummary latest = versions.get(versions.size() - 1);
            SopVersionSummary berlaku = versions.stream().filter(v -> v.status() == SopStatus.BERLAKU).findFirst()
                    .orElse(null);
            SopVersionSummary draft = latest.status() == SopStatus.DRAFT ? latest : null;
            rows.add(new SopRow(code, latest.title(), berlaku, draft, latest));
        });
        model.addAttribute("rows", rows);
        return "admin/sops";
    }

    @PostMapping("/admin/sop/{code}/revisi")
    String revise(@PathVariable String code, Principal principal, RedirectAttributes redirect) {
        try {
            StoredVersion draft = catalog.revise(office, code, principal.getName());
            flash(redirect, "message", "ui.admin.sop.revised", code, draft.versionNo());
            return "redirect:/admin/sop/" + code + "/" + draft.versionNo();
        } catch (SopVersionException e) {
            flash(redirect, "error", "ui.admin.sop.draftExists", code, e.versionNo());
        } catch (NoSuchElementException e) {
            flash(redirect, "error", "ui.admin.sop.unknown", code);
        }
        return "redirect:/admin/sop";
    }

    @GetMapping("/admin/sop/{code}/{versionNo}")
    String version(@PathVariable String code, @PathVariable int versionNo, Model model) {
        SopDefinition definition = catalog.definition(office, code, versionNo).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Problem> problems = SopValidator.validate(definition);
        return page(model, code, versionNo, SopCodec.toYaml(definition), views(problems), false);
    }

    @PostMapping("/admin/sop/{code}/{versionNo}/validasi")
    String validate(@PathVariable String code, @PathVariable int versionNo,
                    @RequestParam(name = "yaml", required = false) String yaml,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Parsed parsed = parse(code, yaml);
        if ("true".equals(htmx)) {
            model.addAttribute("problems", views(parsed.problems()));
            model.addAttribute("checked", true);
            return "admin/sop-edit :: problems";
        }
        return page(model, code, versionNo, yaml, views(parsed.problems()), true);
    }

    @PostMapping("/admin/sop/{code}/{versionNo}/simpan")
    String save(@PathVariable String code, @PathVariable int versionNo,
                @RequestParam(name = "yaml", required = false) String yaml,
                @RequestParam(name = "lockVersion", required = false) String lockVersion,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Parsed parsed = parse(code, yaml);
        Integer expected = Form.parseIntOrNull(lockVersion);
        if (!parsed.storable() || expected == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "ui.admin.sop.notSaved");
            return page(model, code, versionNo, yaml, views(parsed.problems()), true);
        }
        try {
            catalog.editDraft(office, code, versionNo, parsed.sop(), principal.getName(), expected);
            flash(redirect, "message", "ui.admin.sop.saved", code, versionNo);
            return "redirect:/admin/sop/" + code + "/" + versionNo;
        } catch (SopVersionException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("error", refusalKey(e, code, versionNo));
            model.addAttribute("errorArgs", new Object[] {code, versionNo});
            return page(model, code, versionNo, yaml, views(parsed.problems()), true);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/admin/sop/{code}/{versionNo}/ajukan")
    String submit(@PathVariable String code, @PathVariable int versionNo,
                  @RequestParam(name = "lockVersion", required = false) String lockVersion,
                  Principal principal, RedirectAttributes redirect) {
        return change(code, versionNo, lockVersion, redirect, "ui.admin.sop.submitted",
                expected -> catalog.submit(office, code, versionNo, principal.getName(), expected));
    }

    @PostMapping("/admin/sop/{code}/{versionNo}/sahkan")
    String ratify(@PathVariable String code, @PathVariable int versionNo,
                  @RequestParam(name = "lockVersion", required = false) String lockVersion,
                  Principal principal, RedirectAttributes redirect) {
        return change(code, versionNo, lockVersion, redirect, "ui.admin.sop.ratified",
                expected -> catalog.ratify(office, code, versionNo, principal.getName(), expected));
    }

    @PostMapping("/admin/sop/{code}/{versionNo}/cabut")
    String revoke(@PathVariable String code, @PathVariable int versionNo,
                  @RequestParam(name = "lockVersion", required = false) String lockVersion,
                  Principal principal, RedirectAttributes redirect) {
        return change(code, versionNo, lockVersion, redirect, "ui.admin.sop.revoked",
                expected -> catalog.revoke(office, code, versionNo, principal.getName(), expected));
    }

    private String change(String code, int versionNo, String lockVersion, RedirectAttributes redirect,
                          String doneKey, java.util.function.IntFunction<StoredVersion> action) {
        Integer expected = Form.parseIntOrNull(lockVersion);
        if (expected == null) {
            flash(redirect, "error", "ui.admin.sop.badRequest");
        } else {
            try {
                action.apply(expected);
                flash(redirect, "message", doneKey, code, versionNo);
            } catch (SopVersionException e) {
                flash(redirect, "error", refusalKey(e, code, versionNo), code, versionNo,
                        errorCount(code, versionNo));
            } catch (NoSuchElementException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        return "redirect:/admin/sop/" + code + "/" + versionNo;
    }

    /** Words a refusal by what the version is now: changed meanwhile, not valid, or in the wrong status. */
    private String refusalKey(SopVersionException e, String code, int versionNo) {
        if (e instanceof SopVersionException.Stale) {
            return "ui.admin.sop.stale";
        }
        Optional<SopVersionSummary> now = summary(code, versionNo);
        if (now.isEmpty()) {
            return "ui.admin.sop.unknown";
        }
        SopStatus status = now.get().status();
        if ("revoke".equals(e.action())) {
            return "ui.admin.sop.notBerlaku";
        }
        if (status != SopStatus.DRAFT) {
            return "ui.admin.sop.notDraft";
        }
        return errorCount(code, versionNo) > 0 ? "ui.admin.sop.invalid" : "ui.admin.sop.newerBerlaku";
    }

    private long errorCount(String code, int versionNo) {
        return catalog.definition(office, code, versionNo)
                .map(d -> SopValidator.validate(d).stream().filter(Problem::isError).count()).orElse(0L);
    }

    private Optional<SopVersionSummary> summary(String code, int versionNo) {
        return catalog.versions(office, code).stream().filter(v -> v.versionNo() == versionNo).findFirst();
    }

    private String page(Model model, String code, int versionNo, String yaml, List<ProblemView> problems,
                        boolean checked) {
        List<SopVersionSummary> versions = catalog.versions(office, code);
        SopVersionSummary version = versions.stream().filter(v -> v.versionNo() == versionNo).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("code", code);
        model.addAttribute("version", version);
        model.addAttribute("versions", versions);
        model.addAttribute("yaml", yaml == null ? "" : yaml);
        model.addAttribute("maxYaml", MAX_YAML);
        model.addAttribute("problems", problems);
        model.addAttribute("checked", checked);
        return "admin/sop-edit";
    }

    /** Reads the typed YAML; {@code storable} when it gives a definition of this SOP that the catalog can keep. */
    private static Parsed parse(String code, String yaml) {
        List<Problem> problems = new ArrayList<>();
        Problem.Location nowhere = new Problem.Location(null, null, code, null, null);
        if (yaml == null || yaml.isBlank()) {
            problems.add(Problem.error(nowhere, "ui.form.required"));
            return new Parsed(null, problems, false);
        }
        if (yaml.length() > MAX_YAML) {
            problems.add(Problem.error(nowhere, "ui.form.tooLong", MAX_YAML));
            return new Parsed(null, problems, false);
        }
        SopCodec.Read read;
        try {
            read = SopCodec.readYaml(null, yaml);
        } catch (RuntimeException e) {
            problems.add(Problem.error(nowhere, "catalog.file.unreadable", String.valueOf(e.getMessage())));
            return new Parsed(null, problems, false);
        }
        problems.addAll(read.problems());
        SopDefinition sop = read.sop();
        if (sop == null) {
            return new Parsed(null, problems, false);
        }
        boolean storable = true;
        if (!code.equals(sop.code())) {
            problems.add(Problem.error(new Problem.Location(null, null, code, null, "code"),
                    "ui.admin.sop.codeChanged", code));
            storable = false;
        }
        if (sop.title() != null && sop.title().length() > MAX_TITLE) {
            problems.add(Problem.error(new Problem.Location(null, null, code, null, "title"), "ui.form.tooLong",
                    MAX_TITLE));
            storable = false;
        }
        // NUL and other control characters: nothing an SOP says, and PostgreSQL cannot store a NUL.
        List<Problem> control = controlCharacters(code, sop);
        if (!control.isEmpty()) {
            problems.addAll(control);
            storable = false;
        }
        problems.addAll(Problem.notAlreadyReported(problems, SopValidator.validate(sop)));
        return new Parsed(sop, problems, storable);
    }

    private static List<Problem> controlCharacters(String code, SopDefinition sop) {
        List<Problem> found = new ArrayList<>();
        java.util.function.BiConsumer<Integer, Map.Entry<String, String>> check = (step, field) -> {
            String text = field.getValue();
            if (text != null && text.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                    || (c >= 0x7f && c <= 0x9f))) {
                found.add(Problem.error(new Problem.Location(null, null, code, step, field.getKey()), "ui.form.control"));
            }
        };
        check.accept(null, Map.entry("title", String.valueOf(sop.title())));
        sop.actors().forEach(a -> check.accept(null, Map.entry("actors", a.name())));
        for (id.sopan.sop.Step step : sop.steps()) {
            for (Map.Entry<String, String> f : List.of(Map.entry("kegiatan", String.valueOf(step.kegiatan())),
                    Map.entry("kelengkapan", String.valueOf(step.kelengkapan())),
                    Map.entry("output", String.valueOf(step.output())),
                    Map.entry("keterangan", String.valueOf(step.keterangan())),
                    Map.entry("waktu", String.valueOf(step.waktu().text())))) {
                check.accept(step.number(), f);
            }
            step.actors().forEach(a -> check.accept(step.number(), Map.entry("actors", String.valueOf(a))));
            step.notes().forEach(n -> check.accept(step.number(), Map.entry("steps", String.valueOf(n))));
        }
        sop.notes().forEach(n -> check.accept(null, Map.entry("steps", String.valueOf(n))));
        return found;
    }

    private static List<ProblemView> views(List<Problem> problems) {
        Messages messages = Messages.forLocale(LocaleContextHolder.getLocale());
        return problems.stream().map(p -> new ProblemView(p.isError(), p.location().line(), p.location().step(),
                p.location().field() == null ? null : messages.get("field." + p.location().field()),
                messages.get(p.key(), p.args().toArray()))).toList();
    }

    private static void flash(RedirectAttributes redirect, String kind, String key, Object... args) {
        redirect.addFlashAttribute(kind, key);
        redirect.addFlashAttribute(kind + "Args", args);
    }
}
