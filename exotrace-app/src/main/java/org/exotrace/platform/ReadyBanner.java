package org.exotrace.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code ./exotrace serve} where to go once everything, demo data included, is loaded. */
@Component
class ReadyBanner {

    private final Environment environment;
    private final boolean demo;

    ReadyBanner(Environment environment, @Value("${exotrace.demo.enabled:false}") boolean demo) {
        this.environment = environment;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port");
        if (port == null) return;
        System.out.println("\nExotrace is ready: http://localhost:" + port + "/"
                + (demo ? "  (the demo accounts are listed on the sign-in page)" : "") + "\n");
    }
}
