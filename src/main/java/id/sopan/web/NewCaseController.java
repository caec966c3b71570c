package id.sopan.web;

import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.catalog.CatalogEntry;
import id.sopan.catalog.CatalogService;
import id.sopan.catalog.SopStatus;
import id.sopan.organization.AppUser;
import id.sopan.organization.OrganizationService;
import id.sopan.sop.ServiceType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A new case ({@code /kasus/baru}): the berlaku SOPs grouped by jenis pelayanan, the pemohon, the kelengkapan of the
 * chosen SOP (loaded with htmx when the SOP changes; without JavaScript by "Muat kelengkapan"). A valid form starts
 * the case and leads to its tanda terima; an invalid one comes back with every value and a message at each field.
 */
@Controller
class NewCaseController {

    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");

    /** The form as entered: all text, so that nothing typed is lost to a conversion. */
    static final class NewCaseForm {
        private String sop = "";
        private String jenis = "";
        private String nama = "";
        private String nip = "";
        private String pengguna = "";
        private String kontak = "";
        private String diserahkan;
        private List<String> kelengkapan = new ArrayList<>();

        public String getSop() { return sop; }
        public void setSop(String sop) { this.sop = sop; }
        public String getJenis() { return jenis; }
        public void setJenis(String jenis) { this.jenis = jenis; }
        public String getNama() { return nama; }
        public void setNama(String nama) { this.nama = nama; }
        public String getNip() { return nip; }
        public void setNip(String nip) { this.nip = nip; }
        public String getPengguna() { return pengguna; }
        public void setPengguna(String pengguna) { this.pengguna = pengguna; }
        public String getKontak() { return kontak; }
        public void setKontak(String kontak) { this.kontak = kontak; }
        public String getDiserahkan() { return diserahkan; }
        public void setDiserahkan(String diserahkan) { this.diserahkan = diserahkan; }
        public List<String> getKelengkapan() { return kelengkapan; }
        public void setKelengkapan(List<String> kelengkapan) { this.kelengkapan = kelengkapan == null ? new ArrayList<>() : kelengkapan; }
    }

    private final CaseService cases;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final String office;

    NewCaseController(CaseService cases, CatalogService catalog, OrganizationService organization,
                      MessageSource messages, @Value("${sopan.default-office:DKUKM}") String office) {
        this.cases = cases;
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.office = office;
    }

    @GetMapping("/kasus/baru")
    String form(@RequestParam(name = "sop", required = false) String sop, Authentication user, Model model) {
        NewCaseForm form = new NewCaseForm();
        form.setSop(sop == null ? "" : sop);
        return show(officeOf(user), form, Map.of(), model);
    }

    /** The kelengkapan checklist of one SOP, for htmx. */
    @GetMapping("/kasus/baru/kelengkapan")
    String checklist(@RequestParam(name = "sop", required = false) String sop, Authentication user, Model model) {
        model.addAttribute("items", items(officeOf(user), sop));
        model.addAttribute("checked", Set.of());
        model.addAttribute("errors", Map.of());
        return "case-new :: checklist";
    }

    @PostMapping("/kasus/baru")
    String start(@ModelAttribute("form") NewCaseForm input, Authentication user, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Form form = new Form(messages, RequestContextUtils.getLocale(request));
        String office = officeOf(user);
        String sopCode = form.line("sop", input.getSop(), 16, true);
        List<String> items = List.of();
        if (sopCode != null) {
            Optional<CatalogService.VersionedSop> sop = catalog.berlaku(office, sopCode);
            if (sop.isEmpty()) {
                form.reject("sop", "ui.new.noSop");
            } else {
                items = CaseService.requirementsOf(sop.get().definition());
            }
        }
        Pemohon.Kind kind = null;
        String jenis = form.line("jenis", input.getJenis(), 20, true);
        if (jenis != null) {
            try {
                kind = Pemohon.Kind.valueOf(jenis);
            } catch (IllegalArgumentException e) {
                form.reject("jenis", "ui.new.badKind");
            }
        }
        String name = form.line("nama", input.getNama(), 200, true);
        String nip = form.line("nip", input.getNip() == null ? null : input.getNip().replace(" ", ""), 18, false);
        if (nip != null && !NIP.matcher(nip).matches()) {
            form.reject("nip", "ui.new.badNip");
        }
        String username = form.line("pengguna", input.getPengguna(), 64, false);
        if (username != null && (!USERNAME.matcher(username).matches()
                || organization.user(username).filter(u -> u.officeCode().equals(office)).isEmpty())) {
            form.reject("pengguna", "ui.new.unknownUser");
        }
        String contact = form.line("kontak", input.getKontak(), 200, false);
        if (kind == Pemohon.Kind.EMPLOYEE && nip == null && username == null && !form.errors().containsKey("nip")
                && !form.errors().containsKey("pengguna")) {
            form.reject("nip", "ui.new.employeeNeedsId");
        }
        if (kind != null && kind != Pemohon.Kind.EMPLOYEE && contact == null) {
            form.reject("kontak", "ui.new.contactRequired");
        }
        Set<Integer> fulfilled = new LinkedHashSet<>();
        for (String item : input.getKelengkapan()) {
            Long n = Access.number(item);
            if (n == null || n < 1 || n > items.size()) {
                form.reject("kelengkapan", "ui.new.badItem", item == null ? "" : item.length() > 20 ? item.substring(0, 20) + "…" : item, items.size());
            } else {
                fulfilled.add(n.intValue());
            }
        }
        if (!form.ok()) {
            response.setStatus(400);
            return show(office, input, form.errors(), model);
        }
        CaseService.Started started = cases.start(new CaseService.StartCase(office, sopCode,
                new Pemohon(kind, name, username, nip, contact), user.getName(),
                input.getDiserahkan() != null, fulfilled));
        return "redirect:/kasus/" + started.caseId() + "/tanda-terima";
    }

    /** A case is started in the signed-in user's office (its SOPs, numbers and jabatan). */
    private String officeOf(Authentication user) {
        return organization.user(user.getName()).map(AppUser::officeCode).orElse(office);
    }

    private String show(String office, NewCaseForm form, Map<String, String> errors, Model model) {
        Map<ServiceType, List<CatalogEntry>> groups = new EnumMap<>(ServiceType.class);
        for (CatalogEntry e : catalog.listCurrent(office)) {
            if (e.status() == SopStatus.BERLAKU && e.serviceType() != null) {
                groups.computeIfAbsent(e.serviceType(), t -> new ArrayList<>()).add(e);
            }
        }
        Set<String> checked = new LinkedHashSet<>(form.getKelengkapan());
        model.addAttribute("form", form);
        model.addAttribute("groups", groups);
        model.addAttribute("kinds", Pemohon.Kind.values());
        model.addAttribute("items", items(office, form.getSop()));
        model.addAttribute("checked", checked);
        model.addAttribute("errors", errors);
        return "case-new";
    }

    private List<String> items(String office, String sopCode) {
        if (sopCode == null || sopCode.isBlank() || sopCode.length() > 16) {
            return List.of();
        }
        return catalog.berlaku(office, sopCode.strip()).map(v -> CaseService.requirementsOf(v.definition()))
                .orElse(List.of());
    }
}
