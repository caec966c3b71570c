package id.sopan.catalog;

import id.sopan.catalog.CatalogRepository.Action;
import id.sopan.catalog.CatalogRepository.VersionRow;
import id.sopan.organization.OfficeRepository;
import id.sopan.sop.Messages;
import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The stored catalog: each office's SOPs as versions that are drafted, ratified (pengesahan) and revoked,
 * and the loading of the catalog bundled in the jar. Every state change writes its event in the same
 * transaction.
 */
@Service
public class CatalogService {

    /** The actor recorded for changes the application makes by itself. */
    public static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final OfficeRepository offices;
    private final CatalogRepository catalog;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final java.util.Map<Long, VersionedSop> versions = new java.util.concurrent.ConcurrentHashMap<>();

    CatalogService(OfficeRepository offices, CatalogRepository catalog, Clock clock,
                   PlatformTransactionManager transactions) {
        this.offices = offices;
        this.catalog = catalog;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /**
     * Stores the bundled catalog: new SOPs as version 1, changed ones as a new berlaku version that
     * supersedes the previous one, unchanged ones untouched. Running it again changes nothing.
     */
    public LoadReport loadBundledCatalog() {
        return load(CatalogFiles.loadBundled());
    }

    /** Stores what was read from catalog files; one transaction per SOP, so one bad SOP spoils no other. */
    LoadReport load(CatalogFiles.Result files) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> skipped = new ArrayList<>();
        for (OfficeCatalog office : files.offices()) {
            offices.upsert(office.office());
            String officeCode = office.office().code();
            for (int i = 0; i < office.sops().size(); i++) {
                SopDefinition sop = office.sops().get(i);
                if (hasErrors(sop, office.files().get(i), files.problems())) {
                    skipped.add(officeCode + "/" + sop.code());
                    continue;
                }
                switch (tx.execute(s -> loadOne(officeCode, sop))) {
                    case INSERTED -> inserted++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }
        logErrors(files.problems());
        return new LoadReport(files.offices().size(), inserted, updated, unchanged, skipped.size(), skipped);
    }

    /** One warning per file with errors (invalid SOPs and files that could not be read at all). */
    private static void logErrors(List<Problem> problems) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        problems.stream().filter(Problem::isError)
                .forEach(p -> byFile.computeIfAbsent(String.valueOf(p.location().file()), f -> new ArrayList<>()).add(p));
        Messages messages = Messages.forLocale(Messages.INDONESIAN);
        byFile.values().forEach(errors -> log.warn("Catalog file not loaded ({} error(s)), first: {}",
                errors.size(), messages.render(errors.get(0))));
    }

    private enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private Outcome loadOne(String officeCode, SopDefinition sop) {
        long officeId = officeId(officeCode);
        StoredDefinition stored = StoredDefinition.of(sop);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> existing = catalog.lockSop(officeId, sop.code());
        if (existing.isEmpty()) {
            long sopId = catalog.insertSop(officeId, sop.code());
            catalog.insertVersion(sopId, 1, SopStatus.BERLAKU, stored, now, SYSTEM, Action.LOADED);
            return Outcome.INSERTED;
        }
        long sopId = existing.get();
        // Compare with what the loader itself last wrote: a version authored and ratified in the app since
        // then must survive a restart; only a changed bundled file makes a new version.
        Optional<String> lastLoaded = catalog.latestLoadedHash(sopId);
        if (lastLoaded.isPresent() && lastLoaded.get().equals(stored.hash())) {
            return Outcome.UNCHANGED;
        }
        Optional<VersionRow> latest = catalog.latestVersion(sopId);
        int next = latest.map(v -> v.versionNo() + 1).orElse(1);
        Optional<VersionRow> previous = catalog.berlakuVersion(sopId);
        if (previous.isPresent()) {
            VersionRow old = previous.get();
            // Holding the SOP lock, the row cannot have changed since it was read: a miss here is a bug.
            if (!catalog.changeStatus(old, SopStatus.DICABUT, old.lockVersion(), now, SYSTEM, Action.SUPERSEDED,
                    "superseded by version " + next + " from the bundled catalog")) {
                throw new SopVersionException.Stale(officeCode, sop.code(), old.versionNo(), "supersede",
                        old.lockVersion(), null);
            }
        }
        catalog.insertVersion(sopId, next, SopStatus.BERLAKU, stored, now, SYSTEM, Action.LOADED);
        return Outcome.UPDATED;
    }

    /** An SOP is skipped when an error names its file (or, for problems without a file, its code). */
    private static boolean hasErrors(SopDefinition sop, String file, List<Problem> problems) {
        return problems.stream().filter(Problem::isError).anyMatch(p -> p.location().file() != null
                ? p.location().file().equals(file)
                : sop.code().equals(p.location().sop()));
    }

    /** The current version of each SOP of the office (berlaku, else the latest draft), ordered by code. */
    public List<CatalogEntry> listCurrent(String officeCode) {
        return readTx.execute(s -> catalog.listCurrent(officeCode));
    }

    /** A stored SOP version: what a case follows for its whole life. */
    public record VersionedSop(long versionId, int versionNo, SopDefinition definition) {
    }

    /** The berlaku version of an SOP, which a new case follows. */
    public Optional<VersionedSop> berlaku(String officeCode, String code) {
        return readTx.execute(s -> catalog.berlakuId(officeCode, code)).map(this::version);
    }

    /** A version by its id. Versions never change, so they are kept once read. */
    public VersionedSop version(long versionId) {
        return versions.computeIfAbsent(versionId, id -> readTx.execute(s -> catalog.versionById(id))
                .map(ref -> new VersionedSop(id, ref.versionNo(), SopCodec.fromStoredJson(ref.definition())))
                .orElseThrow(() -> new IllegalArgumentException("no SOP version " + id)));
    }

    public boolean officeExists(String officeCode) {
        return offices.findByCode(officeCode).isPresent();
    }

    /** The first code {@code PREFIX-nn} that no SOP of the office uses yet, for a draft imported without one. */
    public String nextFreeCode(String officeCode, String prefix) {
        java.util.Set<String> used = new java.util.HashSet<>();
        listCurrent(officeCode).forEach(e -> used.add(e.code()));
        for (int n = 1; n < 1000; n++) {
            String code = String.format(java.util.Locale.ROOT, n < 100 ? "%s-%02d" : "%s-%03d", prefix, n);
            if (!used.contains(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free code left for prefix " + prefix + " in office " + officeCode);
    }

    /** The current definition (berlaku, else the latest draft) of one SOP. */
    public Optional<SopDefinition> findCurrent(String officeCode, String code) {
        return readTx.execute(s -> catalog.currentDefinition(officeCode, code)).map(SopCodec::fromStoredJson);
    }

    /** The berlaku definitions of an office, ordered by code: the SOPs a new case may follow. */
    public List<SopDefinition> allBerlaku(String officeCode) {
        return readTx.execute(s -> catalog.berlakuDefinitions(officeCode)).stream()
                .map(SopCodec::fromStoredJson).toList();
    }

    /**
     * Stores a definition as a new DRAFT version: version 1 of a new SOP, or the next version of an
     * existing one. A draft need not be valid yet; {@link #ratify} checks that.
     */
    public StoredVersion saveDraft(String officeCode, SopDefinition draft, String actor) {
        if (draft.code() == null || !SopValidator.CODE.matcher(draft.code()).matches()) {
            throw new IllegalArgumentException("SOP code \"" + draft.code() + "\" is not valid (e.g. UMM-06)");
        }
        requireActor(actor);
        return tx.execute(s -> {
            long officeId = officeId(officeCode);
            OffsetDateTime now = OffsetDateTime.now(clock);
            long sopId = catalog.lockSop(officeId, draft.code())
                    .orElseGet(() -> catalog.insertSop(officeId, draft.code()));
            int next = catalog.latestVersion(sopId).map(v -> v.versionNo() + 1).orElse(1);
            VersionRow row = catalog.insertVersion(sopId, next, SopStatus.DRAFT, StoredDefinition.of(draft), now,
                    actor, Action.IMPORTED);
            return stored(officeCode, row);
        });
    }

    /**
     * Pengesahan: the DRAFT version becomes berlaku and the version berlaku until now is DICABUT.
     *
     * @param expectedVersion the version's {@link StoredVersion#lockVersion()} as the caller last saw it
     * @throws SopVersionException.Stale when the version changed since then
     * @throws SopVersionException.IllegalTransition when the version is not a valid, current DRAFT
     */
    public StoredVersion ratify(String officeCode, String code, int versionNo, String actor, int expectedVersion) {
        requireActor(actor);
        String action = "ratify";
        return changeVersion(officeCode, code, versionNo, action, expectedVersion, (sopId, row) -> {
            if (row.status() != SopStatus.DRAFT) {
                throw new SopVersionException.IllegalTransition(officeCode, code, versionNo, action,
                        "it is " + row.status() + ", only a DRAFT can be ratified");
            }
            Optional<VersionRow> previous = catalog.berlakuVersion(sopId);
            if (previous.isPresent() && previous.get().versionNo() > versionNo) {
                throw new SopVersionException.IllegalTransition(officeCode, code, versionNo, action,
                        "the newer version " + previous.get().versionNo() + " is already berlaku");
            }
            requireValid(officeCode, code, sopId, versionNo, action);
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (previous.isPresent()) {
                VersionRow old = previous.get();
                if (!catalog.changeStatus(old, SopStatus.DICABUT, old.lockVersion(), now, actor, Action.SUPERSEDED,
                        "superseded by version " + versionNo)) {
                    throw new SopVersionException.Stale(officeCode, code, old.versionNo(), "supersede",
                            old.lockVersion(), null);
                }
            }
            if (!catalog.changeStatus(row, SopStatus.BERLAKU, expectedVersion, now, actor, Action.RATIFIED, null)) {
                throw stale(officeCode, sopId, row, action, expectedVersion);
            }
        });
    }

    /**
     * Revokes (mencabut) the berlaku version; the SOP then has no berlaku version until another is ratified.
     *
     * @param expectedVersion the version's {@link StoredVersion#lockVersion()} as the caller last saw it
     * @throws SopVersionException.Stale when the version changed since then
     * @throws SopVersionException.IllegalTransition when the version is not berlaku
     */
    public StoredVersion revoke(String officeCode, String code, int versionNo, String actor, int expectedVersion) {
        requireActor(actor);
        String action = "revoke";
        return changeVersion(officeCode, code, versionNo, action, expectedVersion, (sopId, row) -> {
            if (row.status() != SopStatus.BERLAKU) {
                throw new SopVersionException.IllegalTransition(officeCode, code, versionNo, action,
                        "it is " + row.status() + ", only a BERLAKU version can be revoked");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!catalog.changeStatus(row, SopStatus.DICABUT, expectedVersion, now, actor, Action.REVOKED, null)) {
                throw stale(officeCode, sopId, row, action, expectedVersion);
            }
        });
    }

    // --- authoring (the administration pages) ---

    /** Every version of every SOP of the office, by code and version number. */
    public List<SopVersionSummary> versions(String officeCode) {
        return readTx.execute(s -> catalog.summaries(officeCode));
    }

    /** The versions of one SOP, oldest first; empty for an unknown SOP. */
    public List<SopVersionSummary> versions(String officeCode, String code) {
        return readTx.execute(s -> catalog.summaries(officeCode, code));
    }

    /** One version's definition, whatever its status. */
    public Optional<SopDefinition> definition(String officeCode, String code, int versionNo) {
        return readTx.execute(s -> catalog.officeId(officeCode)
                .flatMap(officeId -> catalog.sopId(officeId, code))
                .flatMap(sopId -> catalog.definition(sopId, versionNo)))
                .map(SopCodec::fromStoredJson);
    }

    /**
     * Revisi: a new DRAFT version with the content of the current one (the berlaku version, else the latest).
     *
     * @throws SopVersionException.IllegalTransition when the SOP already has a draft newer than its berlaku version
     * @throws NoSuchElementException             for an unknown SOP
     */
    public StoredVersion revise(String officeCode, String code, String actor) {
        requireActor(actor);
        return tx.execute(s -> {
            long sopId = catalog.lockSop(officeId(officeCode), code)
                    .orElseThrow(() -> new NoSuchElementException("no SOP " + officeCode + "/" + code));
            VersionRow latest = catalog.latestVersion(sopId).orElseThrow(
                    () -> new NoSuchElementException("SOP " + officeCode + "/" + code + " has no version"));
            if (latest.status() == SopStatus.DRAFT) {
                throw new SopVersionException.IllegalTransition(officeCode, code, latest.versionNo(), "revise",
                        "version " + latest.versionNo() + " is already a draft");
            }
            VersionRow source = catalog.berlakuVersion(sopId).orElse(latest);
            SopDefinition definition = definitionOf(officeCode, code, sopId, source.versionNo());
            VersionRow row = catalog.insertVersion(sopId, latest.versionNo() + 1, SopStatus.DRAFT,
                    StoredDefinition.of(definition), OffsetDateTime.now(clock), actor, Action.REVISED);
            return stored(officeCode, row);
        });
    }

    /**
     * Replaces the content of a DRAFT version (it need not be valid yet). A submission for pengesahan ends with it.
     *
     * @throws IllegalArgumentException             when the definition names another SOP code
     * @throws SopVersionException.Stale             when the version changed since {@code expectedVersion}
     * @throws SopVersionException.IllegalTransition when the version is not a DRAFT
     */
    public StoredVersion editDraft(String officeCode, String code, int versionNo, SopDefinition draft, String actor,
                                   int expectedVersion) {
        requireActor(actor);
        if (!code.equals(draft.code())) {
            throw new IllegalArgumentException("the draft of " + code + " cannot change its code to " + draft.code());
        }
        String action = "edit";
        return changeVersion(officeCode, code, versionNo, action, expectedVersion, (sopId, row) -> {
            requireDraft(officeCode, row, action);
            if (!catalog.updateDraft(row, StoredDefinition.of(draft), expectedVersion)) {
                throw stale(officeCode, sopId, row, action, expectedVersion);
            }
            catalog.insertEvent(row.id(), OffsetDateTime.now(clock), actor, Action.EDITED, null);
        });
    }

    /**
     * Submits a valid DRAFT for pengesahan (recorded as an event; the draft stays a DRAFT until ratified).
     *
     * @throws SopVersionException.Stale             when the version changed since {@code expectedVersion}
     * @throws SopVersionException.IllegalTransition when the version is not a DRAFT or has validation errors
     */
    public StoredVersion submit(String officeCode, String code, int versionNo, String actor, int expectedVersion) {
        requireActor(actor);
        String action = "submit";
        return changeVersion(officeCode, code, versionNo, action, expectedVersion, (sopId, row) -> {
            requireDraft(officeCode, row, action);
            requireValid(officeCode, code, sopId, versionNo, action);
            if (!catalog.bumpDraft(row, expectedVersion)) {
                throw stale(officeCode, sopId, row, action, expectedVersion);
            }
            catalog.insertEvent(row.id(), OffsetDateTime.now(clock), actor, Action.SUBMITTED, null);
        });
    }

    /** What changing one version does, once its SOP is locked and the caller's lock version checked. */
    private interface VersionChange {
        void apply(long sopId, VersionRow row);
    }

    /** Locks the SOP, finds the version, checks the caller saw its current lock, applies the change; one transaction. */
    private StoredVersion changeVersion(String officeCode, String code, int versionNo, String action, int expectedVersion,
                                        VersionChange change) {
        return tx.execute(s -> {
            long sopId = lockSop(officeCode, code, versionNo);
            VersionRow row = existingVersion(officeCode, code, sopId, versionNo);
            checkLock(officeCode, row, action, expectedVersion);
            change.apply(sopId, row);
            return stored(officeCode, catalog.version(sopId, versionNo).orElseThrow());
        });
    }

    private void requireValid(String officeCode, String code, long sopId, int versionNo, String action) {
        long errors = SopValidator.validate(definitionOf(officeCode, code, sopId, versionNo)).stream()
                .filter(Problem::isError).count();
        if (errors > 0) {
            throw new SopVersionException.IllegalTransition(officeCode, code, versionNo, action,
                    "it has " + errors + " validation error(s)");
        }
    }

    private static void requireDraft(String officeCode, VersionRow row, String action) {
        if (row.status() != SopStatus.DRAFT) {
            throw new SopVersionException.IllegalTransition(officeCode, row.code(), row.versionNo(), action,
                    "it is " + row.status() + ", only a DRAFT can be changed");
        }
    }

    private long officeId(String officeCode) {
        return catalog.officeId(officeCode)
                .orElseThrow(() -> new NoSuchElementException("no office with code " + officeCode));
    }

    private long lockSop(String officeCode, String code, int versionNo) {
        return catalog.lockSop(officeId(officeCode), code)
                .orElseThrow(() -> new NoSuchElementException("no SOP " + officeCode + "/" + code));
    }

    private VersionRow existingVersion(String officeCode, String code, long sopId, int versionNo) {
        return catalog.version(sopId, versionNo).orElseThrow(
                () -> new NoSuchElementException("SOP " + officeCode + "/" + code + " has no version " + versionNo));
    }

    private SopDefinition definitionOf(String officeCode, String code, long sopId, int versionNo) {
        return SopCodec.fromStoredJson(catalog.definition(sopId, versionNo).orElseThrow(
                () -> new NoSuchElementException("SOP " + officeCode + "/" + code + " has no version " + versionNo)));
    }

    private static void checkLock(String officeCode, VersionRow row, String action, int expectedVersion) {
        if (row.lockVersion() != expectedVersion) {
            throw new SopVersionException.Stale(officeCode, row.code(), row.versionNo(), action, expectedVersion,
                    row.lockVersion());
        }
    }

    private SopVersionException.Stale stale(String officeCode, long sopId, VersionRow row, String action,
                                            int expectedVersion) {
        Integer found = catalog.version(sopId, row.versionNo()).map(VersionRow::lockVersion).orElse(null);
        return new SopVersionException.Stale(officeCode, row.code(), row.versionNo(), action, expectedVersion, found);
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every change of an SOP version needs the actor who makes it");
        }
    }

    private static StoredVersion stored(String officeCode, VersionRow row) {
        return new StoredVersion(officeCode, row.code(), row.versionNo(), row.status(), row.lockVersion(),
                row.contentHash(), row.createdAt(), row.ratifiedAt(), row.revokedAt());
    }
}
