package id.sopan.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files attached to a case: only PDF, JPG, PNG, DOCX and XLSX, up to a size limit, recognised by their
 * content (not just their name). Stored outside the web root under their SHA-256, so a name cannot reach
 * another path and the same file is kept once; a history row records each upload.
 */
@Service
public class AttachmentService {

    /** Allowed types by extension, each with how its content must begin. */
    private static final Map<String, Type> TYPES = Map.of(
            "pdf", new Type("application/pdf", new byte[] {'%', 'P', 'D', 'F'}),
            "jpg", new Type("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            "jpeg", new Type("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            "png", new Type("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            "docx", new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] {'P', 'K', 3, 4}),
            "xlsx", new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {'P', 'K', 3, 4}));

    private record Type(String contentType, byte[] magic) {
    }

    /** A refused upload; {@code key} names the reason for the messages bundle, {@code field} the form field. */
    public static class RefusedException extends RuntimeException {
        private final String key;
        private final List<Object> args;

        RefusedException(String key, String reason, Object... args) {
            super(reason);
            this.key = key;
            this.args = List.of(args);
        }

        public String key() {
            return key;
        }

        public List<Object> args() {
            return args;
        }

        public String field() {
            return "file";
        }
    }

    public record Attachment(long id, long caseId, Integer requirementNo, String fileName, String contentType,
                             long size, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Path root;
    private final long maxBytes;

    AttachmentService(JdbcClient jdbc, CaseRepository cases, Clock clock, PlatformTransactionManager transactions,
                      @Value("${sopan.attachments.dir:./data/attachments}") String root,
                      @Value("${sopan.attachments.max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.root = Path.of(root).toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Attachment store(long caseId, Integer requirementNo, String originalName, byte[] content, String username) {
        String name = cleanName(originalName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Type type = TYPES.get(extension);
        if (type == null) {
            throw new RefusedException("attachment.type", "only PDF, JPG, PNG, DOCX and XLSX files are accepted", name);
        }
        if (content.length == 0) {
            throw new RefusedException("attachment.empty", "the file is empty", name);
        }
        if (content.length > maxBytes) {
            throw new RefusedException("attachment.tooBig", "the file is larger than the limit", name, maxBytes / (1024 * 1024));
        }
        if (!startsWith(content, type.magic())) {
            throw new RefusedException("attachment.content", "the content is not what the file name says", name, extension.toUpperCase(Locale.ROOT));
        }
        if (extension.equals("docx") || extension.equals("xlsx")) {
            OoxmlCheck.Refusal refusal = OoxmlCheck.check(content, extension);
            if (refusal == OoxmlCheck.Refusal.NOT_ZIP || refusal == OoxmlCheck.Refusal.NOT_OOXML) {
                throw new RefusedException("attachment.content", "not an Office Open XML package", name,
                        extension.toUpperCase(Locale.ROOT));
            } else if (refusal == OoxmlCheck.Refusal.TOO_MANY_ENTRIES) {
                throw new RefusedException("attachment.zip.entries", "too many zip entries", name, OoxmlCheck.MAX_ENTRIES);
            } else if (refusal == OoxmlCheck.Refusal.BAD_ENTRY_NAME) {
                throw new RefusedException("attachment.zip.badEntry", "a zip entry name that is a path", name);
            } else if (refusal == OoxmlCheck.Refusal.BOMB) {
                throw new RefusedException("attachment.zip.bomb", "inflates far beyond its size", name);
            }
        }
        String sha = Sha256.hex(content);
        Path target = pathOf(sha);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The file is written inside the transaction, after the case and the item are checked, so a refused upload
        // leaves nothing on disk; a file this upload created is removed again when the transaction fails.
        boolean[] created = {false};
        try {
            return tx.execute(s -> {
                CaseRepository.CaseRow row = cases.lockCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
                if (requirementNo != null && cases.requirements(caseId).stream().noneMatch(r -> r.itemNo() == requirementNo)) {
                    throw new RefusedException("attachment.requirement", "no such kelengkapan item", requirementNo);
                }
                created[0] = write(target, content);
                return insert(caseId, requirementNo, name, type, content, sha, username, now, row);
            });
        } catch (RuntimeException e) {
            if (created[0]) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // Left as an orphan named by its hash: harmless, and the next upload of the same file reuses it.
                }
            }
            throw e;
        }
    }

    /** Writes the content under its hash unless it is there already; true when this call created the file. */
    private static boolean write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return false;
            }
            Path temporary = Files.createTempFile(target.getParent(), "upload", ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment " + target.getFileName(), e);
        }
    }

    private Attachment insert(long caseId, Integer requirementNo, String name, Type type, byte[] content, String sha,
                              String username, Instant now, CaseRepository.CaseRow row) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_attachment (case_id, requirement_no, file_name, content_type, size_bytes, sha256,
                                             uploaded_by, uploaded_at)
                VALUES (:case, :req, :name, :type, :size, :sha, :by, :at)
                """).param("case", caseId).param("req", requirementNo).param("name", name)
                .param("type", type.contentType()).param("size", (long) content.length).param("sha", sha)
                .param("by", username).param("at", CaseRepository.ts(now)).update(key, "id");
        if (requirementNo != null) {
            jdbc.sql("UPDATE case_requirement SET fulfilled = TRUE WHERE case_id = :c AND item_no = :n")
                    .param("c", caseId).param("n", requirementNo).update();
        }
        cases.appendToHistory(caseId, now, List.of(new CaseRepository.NewEvent(username, null, null,
                "ATTACHMENT_ADDED", null, row.currentStep(), row.currentStep(), name + " (" + sha.substring(0, 12) + ")")));
        return new Attachment(key.getKey().longValue(), caseId, requirementNo, name, type.contentType(),
                content.length, sha, username, now);
    }

    public List<Attachment> list(long caseId) {
        return jdbc.sql("SELECT * FROM case_attachment WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("case_id"),
                        (Integer) rs.getObject("requirement_no", Integer.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), CaseRepository.instant(rs, "uploaded_at")))
                .list();
    }

    public Optional<Attachment> find(long caseId, long attachmentId) {
        return list(caseId).stream().filter(a -> a.id() == attachmentId).findFirst();
    }

    /** The stored bytes, checked against their hash (a changed file on disk is refused, not served). */
    public byte[] content(Attachment attachment) {
        try {
            byte[] bytes = Files.readAllBytes(pathOf(attachment.sha256()));
            if (!Sha256.hex(bytes).equals(attachment.sha256())) {
                throw new IllegalStateException("attachment " + attachment.id() + " does not match its SHA-256");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + attachment.id() + " cannot be read", e);
        }
    }

    private Path pathOf(String sha) {
        return fileOf(root, sha);
    }

    /** The folder the files are kept in ({@code sopan.attachments.dir}), absolute. */
    public Path directory() {
        return root;
    }

    /**
     * Where the content with this SHA-256 (lower-case hex) is kept under {@code root}: one layout for the service,
     * backup and restore.
     */
    public static Path fileOf(Path root, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * The name without any path, without control characters and without invisible formatting (a right-to-left
     * override makes "gpj.exe" look like "exe.jpg"); the path on disk never comes from it.
     */
    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]", "").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "lampiran";
        }
        if (name.length() > 200) {
            // The end is kept (it holds the extension); never half a surrogate pair.
            int from = name.length() - 200;
            name = name.substring(Character.isLowSurrogate(name.charAt(from)) ? from + 1 : from);
        }
        return name;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
