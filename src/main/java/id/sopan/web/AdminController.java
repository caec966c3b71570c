package id.sopan.web;

import id.sopan.organization.AppUser;
import id.sopan.organization.DelegationKind;
import id.sopan.organization.DelegationRequest;
import id.sopan.organization.InvalidInputException;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrgUnit;
import id.sopan.organization.OrganizationService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/** Administrasi of the organization: users (activate, deactivate), jabatan with their atasan, Plt/Plh delegations. */
@Controller
class AdminController {

    /** The delegation form's fields, as the page and {@link InvalidInputException#field()} name them. */
    private static final Set<String> DELEGATION_FIELDS = Set.of("username", "jabatanCode", "kind", "validFrom",
            "validTo", "note");
    private static final int MAX_NOTE = 500;

    private final OrganizationService organization;
    private final MessageSource messages;
    private final String office;

    AdminController(OrganizationService organization, MessageSource messages,
                    @Value("${sopan.default-office:DKUKM}") String office) {
        this.organization = organization;
        this.messages = messages;
        this.office = office;
    }

    @GetMapping("/admin")
    String index() {
        return "admin/index";
    }

    // --- users ---

    @GetMapping("/admin/pengguna")
    String users(Model model) {
        model.addAttribute("users", organization.users(office));
        model.addAttribute("jabatanNames", jabatanNames());
        return "admin/users";
    }

    @PostMapping("/admin/pengguna/status")
    String setActive(@RequestParam(name = "username", required = false) String username,
                     @RequestParam(name = "active", required = false) String active,
                     @RequestParam(name = "version", required = false) String version,
                     Principal principal, RedirectAttributes redirect) {
        Integer expected = Form.parseIntOrNull(version);
        if (username == null || username.isBlank() || expected == null
                || !("true".equals(active) || "false".equals(active))) {
            redirect.addFlashAttribute("error", "ui.admin.users.badRequest");
            return "redirect:/admin/pengguna";
        }
        boolean activate = Boolean.parseBoolean(active);
        if (!activate && username.equals(principal.getName())) {
            redirect.addFlashAttribute("error", "ui.admin.users.notSelf");
            return "redirect:/admin/pengguna";
        }
        if (organization.user(username).filter(u -> office.equals(u.officeCode())).isEmpty()) {
            // Another office's account is not this administration's to change: as unknown as a misspelt one.
            redirect.addFlashAttribute("error", "ui.admin.users.unknown");
            redirect.addFlashAttribute("errorArgs", new Object[] {username});
            return "redirect:/admin/pengguna";
        }
        try {
            AppUser user = organization.setActive(username, activate, expected);
            redirect.addFlashAttribute("message", user.active() ? "ui.admin.users.activated" : "ui.admin.users.deactivated");
            redirect.addFlashAttribute("messageArgs", new Object[] {user.username()});
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", "ui.admin.users.stale");
            redirect.addFlashAttribute("errorArgs", new Object[] {username});
        } catch (NoSuchElementException e) {
            redirect.addFlashAttribute("error", "ui.admin.users.unknown");
            redirect.addFlashAttribute("errorArgs", new Object[] {username});
        }
        return "redirect:/admin/pengguna";
    }

    // --- jabatan ---

    @GetMapping("/admin/jabatan")
    String jabatan(Model model) {
        List<Jabatan> all = organization.jabatan(office);
        Map<String, String> units = organization.units(office).stream()
                .collect(Collectors.toMap(OrgUnit::code, OrgUnit::name, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<String>> holders = organization.users(office).stream()
                .filter(u -> u.active() && u.jabatanCode() != null)
                .collect(Collectors.groupingBy(AppUser::jabatanCode,
                        Collectors.mapping(AppUser::fullName, Collectors.toList())));
        model.addAttribute("jabatan", all);
        model.addAttribute("jabatanNames", jabatanNames());
        model.addAttribute("units", units);
        model.addAttribute("holders", holders);
        return "admin/jabatan";
    }

    // --- delegations ---

    /** What the delegation form sends back, kept as typed. */
    record DelegationForm(String username, String jabatanCode, String kind, String validFrom, String validTo,
                          String note) {
        static DelegationForm empty() {
            return new DelegationForm("", "", "", "", "", "");
        }
    }

    @GetMapping("/admin/delegasi")
    String delegations(Model model) {
        return delegationPage(model, DelegationForm.empty(), Map.of());
    }

    @PostMapping("/admin/delegasi")
    String delegate(@RequestParam(name = "username", required = false) String username,
                    @RequestParam(name = "jabatanCode", required = false) String jabatanCode,
                    @RequestParam(name = "kind", required = false) String kind,
                    @RequestParam(name = "validFrom", required = false) String validFrom,
                    @RequestParam(name = "validTo", required = false) String validTo,
                    @RequestParam(name = "note", required = false) String note,
                    Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        DelegationForm form = new DelegationForm(username, jabatanCode, kind, validFrom, validTo, note);
        Form errors = new Form(messages);
        String user = errors.text("username", username, 64);
        String jabatanValue = errors.text("jabatanCode", jabatanCode, 40);
        DelegationKind kindValue = errors.choice("kind", kind, DelegationKind.class);
        LocalDate from = errors.date("validFrom", validFrom);
        LocalDate to = errors.date("validTo", validTo);
        String noteValue = errors.optionalText("note", note, MAX_NOTE);
        if (!errors.hasErrors()) {
            try {
                organization.delegate(new DelegationRequest(office, user, jabatanValue, kindValue, from, to,
                        noteValue, principal.getName()));
                redirect.addFlashAttribute("message", "ui.admin.delegation.created");
                return "redirect:/admin/delegasi";
            } catch (InvalidInputException e) {
                String field = DELEGATION_FIELDS.contains(e.field()) ? e.field() : "form";
                errors.reject(field, "ui.admin.delegation.error." + field);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return delegationPage(model, form, errors.errors());
    }

    private String delegationPage(Model model, DelegationForm form, Map<String, String> errors) {
        Map<String, String> names = jabatanNames();
        Map<String, String> userNames = organization.users(office).stream()
                .collect(Collectors.toMap(AppUser::username, AppUser::fullName, (a, b) -> a, LinkedHashMap::new));
        model.addAttribute("delegations", organization.delegations(office));
        model.addAttribute("users", organization.users(office).stream().filter(AppUser::active).toList());
        model.addAttribute("userNames", userNames);
        model.addAttribute("jabatan", organization.jabatan(office));
        model.addAttribute("jabatanNames", names);
        model.addAttribute("kinds", DelegationKind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/delegations";
    }

    private Map<String, String> jabatanNames() {
        return organization.jabatan(office).stream()
                .collect(Collectors.toMap(Jabatan::code, Jabatan::name, (a, b) -> a, LinkedHashMap::new));
    }
}
