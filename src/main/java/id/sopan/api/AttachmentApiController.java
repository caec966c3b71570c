package id.sopan.api;

import id.sopan.casework.AttachmentService;
import id.sopan.casework.CaseService;
import id.sopan.casework.NotAllowedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The kelengkapan files of a case: upload (multipart), list, download. For those involved in the case. */
@RestController
@RequestMapping(path = "/api/cases/{id}/attachments")
@Tag(name = "Lampiran", description = "Attachments: the kelengkapan files of a case")
class AttachmentApiController {

    record AttachmentView(long id, Integer requirementNo, String fileName, String contentType, long size, String sha256,
                          String uploadedBy, Instant uploadedAt) {
        static AttachmentView of(AttachmentService.Attachment a) {
            return new AttachmentView(a.id(), a.requirementNo(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                    a.uploadedBy(), a.uploadedAt());
        }
    }

    private final AttachmentService attachments;
    private final CaseService cases;

    AttachmentApiController(AttachmentService attachments, CaseService cases) {
        this.attachments = attachments;
        this.cases = cases;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach a file (PDF, JPG, PNG, DOCX or XLSX), optionally answering a kelengkapan item")
    ResponseEntity<AttachmentView> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                          @RequestParam(name = "requirementNo", required = false) Integer requirementNo,
                                          Authentication user) {
        mayRead(id, user);
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AttachmentService.Attachment stored = attachments.store(id, requirementNo, file.getOriginalFilename(), content,
                user.getName());
        return ResponseEntity.status(201).body(AttachmentView.of(stored));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The files attached to a case")
    List<AttachmentView> list(@PathVariable long id, Authentication user) {
        mayRead(id, user);
        return attachments.list(id).stream().map(AttachmentView::of).toList();
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download one file, as stored (checked against its SHA-256)")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, Authentication user) {
        mayRead(id, user);
        AttachmentService.Attachment a = attachments.find(id, attachmentId)
                .orElseThrow(() -> ApiProblem.notFound("api.noSuchAttachment", attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachments.content(a));
    }

    private void mayRead(long id, Authentication user) {
        if (!CaseApiController.mayRead(cases, id, user)) {
            throw new NotAllowedException("user " + user.getName() + " has no part in case " + id);
        }
    }
}
