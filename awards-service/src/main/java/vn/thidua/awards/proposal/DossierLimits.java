package vn.thidua.awards.proposal;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much a dossier may hold (docs/input-policy.md): every file of one proposal together, and every
 * file of one unit's proposals of one year together, generated documents included (they are delivered
 * too). Each upload is checked against both; the one it would pass is named in a 413 problem.
 */
@ConfigMapping(prefix = "thidua.dossier")
public interface DossierLimits {
    /** All files of one proposal's dossier together. */
    @WithDefault("40M")
    MemorySize maxTotalSize();

    /** All files of one unit's proposals of one year together. */
    @WithDefault("100M")
    MemorySize maxUnitYearSize();
}
