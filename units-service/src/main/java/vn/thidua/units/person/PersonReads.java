package vn.thidua.units.person;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;

/**
 * The trail of reads of people's records (Law 91/2025/QH15 on personal data: who processed whose data,
 * when; docs/security.md). Written in the transaction of the read, so a read that answered is on record.
 */
@ApplicationScoped
public class PersonReads {
    private final Clock clock;

    public PersonReads(Clock clock) {
        this.clock = clock;
    }

    /** Writes down that the caller read these people of the unit, unless the caller is the unit itself. */
    public void record(Caller caller, String unitCode, Collection<UUID> people, PersonRead.Purpose purpose, PersonAccess.View view) {
        if (!PersonAccess.audited(caller, unitCode)) {
            return;
        }
        Instant now = Instant.now(clock);
        String roles = String.join(",", new TreeSet<>(caller.roles()));
        for (UUID person : people) {
            PersonRead read = new PersonRead();
            read.personId = person;
            read.unitCode = unitCode;
            read.reader = caller.subject();
            read.readerRoles = roles.length() > 200 ? roles.substring(0, 200) : roles;
            read.readerUnit = caller.actingUnit().orElse(null);
            read.purpose = purpose;
            read.view = view;
            read.readAt = now;
            read.persist();
        }
    }

    /** The reads of the unit's people, newest first: for the Board and for the unit itself. */
    public Page<PersonRead> of(String unitCode, PageRequest page) {
        long total = PersonRead.count("unitCode", unitCode);
        List<PersonRead> reads = PersonRead.<PersonRead>find("unitCode = ?1 order by readAt desc, id desc", unitCode)
                .page(page.page(), page.size()).list();
        return new Page<>(reads, page.page(), page.size(), total);
    }
}
