package dev.l2r.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code min} or {@code max} of a target: one number for every subject, or (with {@code per: team})
 * a number per team. A team missing from the map is not assessed.
 */
public record Bound(BigDecimal all, Map<String, BigDecimal> perTeam) {

    public Bound {
        perTeam = perTeam == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(perTeam));
    }

    public static Bound of(BigDecimal v) {
        return new Bound(v, null);
    }

    public static Bound perTeam(Map<String, BigDecimal> m) {
        return new Bound(null, m);
    }

    public Optional<BigDecimal> forSubject(String subject) {
        return Optional.ofNullable(perTeam == null ? all : perTeam.get(subject));
    }
}
