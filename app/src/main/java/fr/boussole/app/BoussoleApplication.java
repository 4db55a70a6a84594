package fr.boussole.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boussole Bot: every module's adapters assembled into one application. */
@SpringBootApplication(scanBasePackages = "fr.boussole")
public class BoussoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoussoleApplication.class, args);
    }
}
