package id.sopan.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the web application (the form posts to {@code /login}, handled by Spring Security). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
