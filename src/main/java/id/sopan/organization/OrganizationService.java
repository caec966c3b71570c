package id.sopan.organization;

import id.sopan.organization.OrganizationRepository.AssignmentRow;
import id.sopan.organization.OrganizationRepository.SopScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The organization of each office: who may do an SOP actor's steps ({@link #jabatanFor}), who holds a
 * jabatan on a day, counting Plt/Plh delegations ({@link #holders}), the chain of atasan, and the loading
 * of the organization files bundled in the jar.
 */
@Service
public class OrganizationService {

    /** The password of every demo account: public, so demo mode must never run in production. */
    public static final String DEMO_PASSWORD = "demo";

    /** Longest note of a delegation. */
    static final int MAX_NOTE = 500;

    // Real passwords are checked against whatever cost their hash carries. Demo accounts are hashed with the
    // lowest cost: their password is public, so a higher cost protects nothing and only slows every start.
    private static final BCryptPasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
    private static final BCryptPasswordEncoder DEMO_PASSWORDS = new BCryptPasswordEncoder(4);

    private final OfficeRepository offices;
    private final OrganizationRepository repository;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    /** {@link #jabatanFor} answers by office, SOP and actor; the generation keeps a read begun before a change out. */
    private final Map<AssignmentKey, List<Jabatan>> assignmentCache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long assignmentGeneration;

    OrganizationService(OfficeRepository offices, OrganizationRepository repository, Clock clock,
                        PlatformTransactionManager transactions) {
        this.offices = offices;
        this.repository = repository;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    // --- loading ---

    /**
     * Stores the organization files bundled in the jar, each in one transaction; running it again changes
     * nothing. In demo mode the file's demo accounts that do not exist yet are created with the password
     * {@value #DEMO_PASSWORD}; outside demo mode no account is created, and demo accounts left from an earlier
     * demo run are disabled and lose their password.
     */
    public OrganizationLoadReport loadBundled(boolean demo) {
        OrganizationLoadReport total = new OrganizationLoadReport(0, 0, 0, 0, 0, 0, 0, 0);
        for (OrganizationFiles.File file : OrganizationFiles.loadBundled()) {
            total = add(total, load(file, demo));
        }
        if (!demo) {
            int disabled = Objects.requireNonNull(tx.execute(s -> {
                repository.bumpStamp();
                return repository.disableDemoAccounts();
            }));
            total = add(total, new OrganizationLoadReport(0, 0, 0, 0, 0, 0, 0, disabled));
        }
        return total;
    }

    OrganizationLoadReport load(OrganizationFiles.File file, boolean demo) {
        try {
            return store(file, demo);
        } finally {
            forgetAssignments();
        }
    }

    private OrganizationLoadReport store(OrganizationFiles.File file, boolean demo) {
        return tx.execute(s -> {
            repository.bumpStamp();
            Office office = file.office();
            OffsetDateTime now = OffsetDateTime.now(clock);
            // The catalog owns the office's details; the organization only needs it to exist.
            if (offices.findByCode(office.code()).isEmpty()) {
                offices.upsert(office);
            }
            long officeId = repository.officeId(office.code()).orElseThrow();
            file.units().forEach(u -> repository.upsertUnit(officeId, u.code(), u.name()));
            file.units().forEach(u -> repository.setUnitParent(officeId, u.code(), u.parent()));
            file.jabatan().forEach(j -> repository.upsertJabatan(officeId, j.code(), j.name(), j.unit(), j.kind()));
            file.jabatan().forEach(j -> repository.setAtasan(officeId, j.code(), j.atasan()));
            List<String> allJabatan = file.jabatan().stream().map(OrganizationFiles.JabatanEntry::code).toList();
            file.groups().forEach(g -> repository.upsertGroup(officeId, g.code(), g.name(), g.scope(),
                    g.allJabatan() ? allJabatan : g.members()));
            file.institutions().forEach(i -> repository.upsertInstitution(officeId, i.code(), i.name()));
            repository.replaceAssignments(officeId, file.assignments());
            int created = 0;
            if (demo) {
                for (OrganizationFiles.DemoUser u : file.demoUsers()) {
                    if (repository.user(u.username()).isEmpty()) {
                        repository.insertUser(officeId, u.username(), u.fullName(), u.nip(), u.jabatan(),
                                DEMO_PASSWORDS.encode(DEMO_PASSWORD), true, now);
                        created++;
                    }
                }
            }
            return new OrganizationLoadReport(1, file.units().size(), file.jabatan().size(), file.groups().size(),
                    file.institutions().size(), file.assignments().size(), created, 0);
        });
    }

    private static OrganizationLoadReport add(OrganizationLoadReport a, OrganizationLoadReport b) {
        return new OrganizationLoadReport(a.offices() + b.offices(), a.units() + b.units(), a.jabatan() + b.jabatan(),
                a.groups() + b.groups(), a.institutions() + b.institutions(), a.assignments() + b.assignments(),
                a.usersCreated() + b.usersCreated(), a.demoAccountsDisabled() + b.demoAccountsDisabled());
    }

    // --- who does an SOP actor's steps ---

    /**
     * The jabatan whose holders may do the steps of an SOP actor: the actor's most specific assignments
     * (for that SOP, else for the longest matching code prefix, else for every SOP), groups resolved to
     * their members. Empty for an actor nobody is assigned to, and for institutions and the pemohon.
     *
     * @param sopCode the SOP, or null for the assignments that hold for every SOP
     */
    public List<Jabatan> jabatanFor(String officeCode, String sopCode, String actorName) {
        // Every new task asks; the answer changes only when an organization file is stored (load), which clears it.
        AssignmentKey key = new AssignmentKey(officeCode, sopCode, actorName.trim());
        List<Jabatan> cached = assignmentCache.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = assignmentGeneration;
        List<Jabatan> read = readJabatanFor(officeCode, sopCode, actorName);
        synchronized (assignmentCache) {
            if (generation == assignmentGeneration) {
                assignmentCache.putIfAbsent(key, read);
            }
        }
        return read;
    }

    private record AssignmentKey(String officeCode, String sopCode, String actorName) {
    }

    /** Forgets the cached assignments: after an organization file is stored (its transaction committed). */
    private void forgetAssignments() {
        synchronized (assignmentCache) {
            assignmentGeneration++;
            assignmentCache.clear();
        }
    }

    private List<Jabatan> readJabatanFor(String officeCode, String sopCode, String actorName) {
        return read(() -> {
            Map<String, Jabatan> result = new LinkedHashMap<>();
            for (AssignmentRow row : mostSpecific(repository.assignments(officeCode, actorName.trim()), sopCode)) {
                List<String> codes = row.jabatanCode() != null ? List.of(row.jabatanCode())
                        : row.groupCode() != null
                        ? repository.group(officeCode, row.groupCode()).map(JabatanGroup::memberCodes).orElse(List.of())
                        : List.of();
                for (String code : codes) {
                    if (!result.containsKey(code)) {
                        repository.jabatan(officeCode, code).ifPresent(j -> result.put(code, j));
                    }
                }
            }
            return List.copyOf(result.values());
        });
    }

    /** The institution that does an SOP actor's steps, when the actor is outside the office. */
    public Optional<ExternalInstitution> institutionFor(String officeCode, String sopCode, String actorName) {
        return read(() -> mostSpecific(repository.assignments(officeCode, actorName.trim()), sopCode).stream()
                .filter(r -> r.institutionCode() != null).findFirst()
                .flatMap(r -> repository.institution(officeCode, r.institutionCode())));
    }

    /** Whether an actor name stands for an institution outside the office (in any SOP). */
    public boolean isExternal(String officeCode, String actorName) {
        return read(() -> repository.assignments(officeCode, actorName.trim()).stream()
                .anyMatch(r -> r.institutionCode() != null));
    }

    /** The assignments that apply to an SOP: those of the highest specificity among the matching ones. */
    static List<AssignmentRow> mostSpecific(List<AssignmentRow> rows, String sopCode) {
        int best = -1;
        List<AssignmentRow> chosen = new ArrayList<>();
        for (AssignmentRow row : rows) {
            int rank = rank(row, sopCode);
            if (rank > best) {
                best = rank;
                chosen.clear();
            }
            if (rank == best && rank >= 0) {
                chosen.add(row);
            }
        }
        return chosen;
    }

    /** -1: does not apply; 0: every SOP; 1 + prefix length: a prefix; {@code Integer.MAX_VALUE}: this SOP. */
    private static int rank(AssignmentRow row, String sopCode) {
        if (row.scope() == SopScope.ANY) {
            return 0;
        }
        if (sopCode == null) {
            return -1;
        }
        if (row.scope() == SopScope.EXACT) {
            return row.sopCode().equals(sopCode) ? Integer.MAX_VALUE : -1;
        }
        return sopCode.startsWith(row.sopCode()) ? 1 + row.sopCode().length() : -1;
    }

    // --- the organization ---

    public List<OrgUnit> units(String officeCode) {
        return read(() -> repository.units(officeCode));
    }

    /** Every jabatan of the office, the head first, in the order of the organization file. */
    public List<Jabatan> jabatan(String officeCode) {
        return read(() -> repository.jabatan(officeCode));
    }

    public Optional<Jabatan> jabatan(String officeCode, String jabatanCode) {
        return read(() -> repository.jabatan(officeCode, jabatanCode));
    }

    public List<JabatanGroup> groups(String officeCode) {
        return read(() -> repository.groups(officeCode));
    }

    /** The jabatan's direct superior; empty for the head of the office (and an unknown jabatan). */
    public Optional<Jabatan> atasan(String officeCode, String jabatanCode) {
        return read(() -> repository.jabatan(officeCode, jabatanCode)
                .filter(j -> j.atasanCode() != null)
                .flatMap(j -> repository.jabatan(officeCode, j.atasanCode())));
    }

    public List<ExternalInstitution> institutions(String officeCode) {
        return read(() -> repository.institutions(officeCode));
    }

    // --- users ---

    public Optional<AppUser> user(String username) {
        return read(() -> repository.user(username));
    }

    public List<AppUser> users(String officeCode) {
        return read(() -> repository.users(officeCode));
    }

    /**
     * The active users who may act as a jabatan on a day: its holders, then the users it is delegated to
     * (Plt/Plh) on that day.
     */
    public List<AppUser> holders(String officeCode, String jabatanCode, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return read(() -> {
            Map<String, AppUser> result = new LinkedHashMap<>();
            repository.ownHolders(officeCode, jabatanCode).forEach(u -> result.put(u.username(), u));
            repository.delegateHolders(officeCode, jabatanCode, on).forEach(u -> result.putIfAbsent(u.username(), u));
            return List.copyOf(result.values());
        });
    }

    /**
     * The jabatan a user acts as on a day: their own first, then those delegated to them that day. Empty for
     * an unknown or inactive user.
     */
    public Set<ActingAs> jabatanActingAs(String username, LocalDate on) {
        Objects.requireNonNull(on, "on");
        // One statement: every action and every worklist asks this.
        Map<String, ActingAs> result = new LinkedHashMap<>();
        for (ActingAs a : repository.actingAs(username, on)) {
            result.putIfAbsent(a.jabatanCode(), a);
        }
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(result.values()));
    }

    /**
     * The organization's stamp: bumped in the transaction of every change to who acts as which jabatan (users and
     * their jabatan, delegations, an organization file). What was read under one stamp holds while it stays.
     */
    public long changeStamp() {
        return repository.stamp();
    }

    /** The statement that reads {@link #changeStamp()}, for a module that reads it along with its own rows. */
    public static final String CHANGE_STAMP_SQL = OrganizationRepository.STAMP;

    /** Whether the password is that of an active user (false for users without a password). */
    public boolean checkPassword(String username, CharSequence password) {
        if (username == null || password == null) {
            return false;
        }
        return read(() -> repository.passwordHash(username)).map(hash -> PASSWORDS.matches(password, hash))
                .orElse(false);
    }

    /**
     * Activates or deactivates a user; an inactive user holds nothing and cannot sign in.
     *
     * @param expectedVersion the user's {@link AppUser#version()} as the caller last saw it
     * @throws NoSuchElementException             for an unknown user
     * @throws OptimisticLockingFailureException when the user changed since
     */
    public AppUser setActive(String username, boolean active, int expectedVersion) {
        return tx.execute(s -> {
            AppUser user = repository.user(username)
                    .orElseThrow(() -> new NoSuchElementException("no user " + username));
            repository.bumpStamp();
            if (!repository.setActive(username, active, expectedVersion)) {
                throw new OptimisticLockingFailureException("user " + username + " changed since version "
                        + expectedVersion + " (now " + user.version() + ")");
            }
            return repository.user(username).orElseThrow();
        });
    }

    // --- delegation ---

    /**
     * Records that a user acts for a jabatan (Plt/Plh) from one day to another.
     *
     * @throws InvalidInputException naming the field at fault
     */
    public Delegation delegate(DelegationRequest request) {
        Objects.requireNonNull(request, "request");
        return tx.execute(s -> {
            long officeId = validate(request);
            repository.bumpStamp();
            long id = repository.insertDelegation(officeId, request, OffsetDateTime.now(clock));
            return repository.delegation(id).orElseThrow();
        });
    }

    private long validate(DelegationRequest r) {
        if (blank(r.officeCode())) {
            throw new InvalidInputException("officeCode", "is missing");
        }
        long officeId = repository.officeId(r.officeCode())
                .orElseThrow(() -> new InvalidInputException("officeCode", "no office " + r.officeCode()));
        if (blank(r.username())) {
            throw new InvalidInputException("username", "is missing");
        }
        AppUser user = repository.user(r.username()).filter(u -> u.officeCode().equals(r.officeCode()))
                .orElseThrow(() -> new InvalidInputException("username",
                        "no user " + r.username() + " in office " + r.officeCode()));
        if (!user.active()) {
            throw new InvalidInputException("username", "user " + r.username() + " is not active");
        }
        if (blank(r.jabatanCode())) {
            throw new InvalidInputException("jabatanCode", "is missing");
        }
        if (repository.jabatan(r.officeCode(), r.jabatanCode()).isEmpty()) {
            throw new InvalidInputException("jabatanCode", "no jabatan " + r.jabatanCode() + " in office "
                    + r.officeCode());
        }
        if (r.jabatanCode().equals(user.jabatanCode())) {
            throw new InvalidInputException("jabatanCode", r.jabatanCode() + " is the own jabatan of "
                    + r.username() + ": a jabatan cannot be delegated to its holder");
        }
        if (r.kind() == null) {
            throw new InvalidInputException("kind", "is missing (PLT or PLH)");
        }
        if (r.validFrom() == null) {
            throw new InvalidInputException("validFrom", "is missing");
        }
        if (r.validTo() == null) {
            throw new InvalidInputException("validTo", "is missing");
        }
        if (r.validTo().isBefore(r.validFrom())) {
            throw new InvalidInputException("validTo", r.validTo() + " is before validFrom " + r.validFrom());
        }
        if (r.note() != null && r.note().length() > MAX_NOTE) {
            throw new InvalidInputException("note", "longer than " + MAX_NOTE + " characters");
        }
        if (blank(r.createdBy())) {
            throw new InvalidInputException("createdBy", "is missing");
        }
        if (r.createdBy().length() > 64) {
            throw new InvalidInputException("createdBy", "longer than 64 characters");
        }
        return officeId;
    }

    /** Every delegation of the office, by first day. */
    public List<Delegation> delegations(String officeCode) {
        return read(() -> repository.delegations(officeCode));
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        return readTx.execute(s -> query.get());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
