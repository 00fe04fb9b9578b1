package dev.l2r.model;

import java.time.ZoneId;

/** A team named in the agreement; {@code zone} is null when the team uses the SLA zone. */
public record Team(String id, String owner, ZoneId zone) {}
