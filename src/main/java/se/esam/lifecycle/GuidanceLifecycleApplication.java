package se.esam.lifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GuidanceLifecycleApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuidanceLifecycleApplication.class, args);
    }
}
