package id.sopan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SopanApplication {
    public static void main(String[] args) {
        SpringApplication.run(SopanApplication.class, args);
    }
}
