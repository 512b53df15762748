package org.aduan.routing.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.aduan.routing.directory.AgencyDirectory;

/** Loads routing's knowledge once per process and builds the engine over the live directory. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @Singleton
    RoutingKnowledge knowledge() {
        return new RoutingKnowledge();
    }

    @Produces
    @Singleton
    RoutingEngine engine(RoutingKnowledge knowledge, AgencyDirectory directory) {
        return knowledge.engine(directory);
    }
}
