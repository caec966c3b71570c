package id.sopan.api;

import id.sopan.casework.SlaWatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's unread notifications (tasks past their deadline). */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifikasi", description = "In-app notifications of the SLA watch")
class NotificationApiController {

    private final ObjectProvider<SlaWatch> sla;

    NotificationApiController(ObjectProvider<SlaWatch> sla) {
        this.sla = sla;
    }

    @GetMapping
    @Operation(summary = "My unread notifications, newest first")
    List<SlaWatch.Notification> unread(Authentication user) {
        SlaWatch watch = sla.getIfAvailable();
        return watch == null ? List.of() : watch.unread(user.getName());
    }
}
