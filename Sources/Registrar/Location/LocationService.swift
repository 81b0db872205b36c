/// The bindings of every address of record, in memory, safe to use from many event loops.
///
/// Bindings lapse on time: lookups never return an expired binding, and `removeExpired` drops
/// them for good (the server calls it periodically). Updates of one AoR are applied as a whole
/// under one lock, so a REGISTER either takes effect completely or not at all (RFC 3261 §10.3).
/// The table is striped by AoR (``LockStripes``), so event loops updating different AoRs do not
/// wait for each other.
public final class LocationService: Sendable {
    private let table: LockStripes<[String: [Binding]]>

    public init(stripes: Int = 64) {
        table = LockStripes(count: stripes) { [:] }
    }

    /// The live bindings of `addressOfRecord`, best first: highest q, then most recently
    /// refreshed (latest expiry), then contact order.
    public func lookup(_ addressOfRecord: String, now: UInt64) -> [Binding] {
        let bindings = table.withLock(for: addressOfRecord) { $0[addressOfRecord] ?? [] }
        return Self.ordered(bindings.filter { $0.expiresAt > now })
    }

    /// Applies `change` to the AoR's live bindings atomically; the closure returns the new list
    /// and a result, or throws to leave everything as it was.
    public func update<Result, Failure: Error>(
        _ addressOfRecord: String, now: UInt64,
        _ change: (inout [Binding]) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try table.withLock(for: addressOfRecord) { (table: inout [String: [Binding]]) throws(Failure) -> Result in
            var bindings = (table[addressOfRecord] ?? []).filter { $0.expiresAt > now }
            let result = try change(&bindings)
            table[addressOfRecord] = bindings.isEmpty ? nil : bindings
            return result
        }
    }

    /// Drops expired bindings; returns the AoRs that lost bindings, for logging.
    @discardableResult
    public func removeExpired(now: UInt64) -> [String: [Binding]] {
        var removed: [String: [Binding]] = [:]
        table.forEach { table in
            for (aor, bindings) in table {
                let expired = bindings.filter { $0.expiresAt <= now }
                guard !expired.isEmpty else { continue }
                removed[aor] = expired
                let live = bindings.filter { $0.expiresAt > now }
                table[aor] = live.isEmpty ? nil : live
            }
        }
        return removed
    }

    /// Keeps only the AoRs for which `keep` is true (after a bundle reload removed extensions).
    public func retain(where keep: (String) -> Bool) {
        table.forEach { table in
            table = table.filter { keep($0.key) }
        }
    }

    /// Every AoR with live bindings, for status views and persistence.
    public func snapshot(now: UInt64) -> [String: [Binding]] {
        var all: [String: [Binding]] = [:]
        table.forEach { all.merge($0) { first, _ in first } }
        return all.compactMapValues { bindings in
            let live = bindings.filter { $0.expiresAt > now }
            return live.isEmpty ? nil : Self.ordered(live)
        }
    }

    /// How many AoRs have live bindings, and how many live bindings there are, without copying
    /// the table (for the status report).
    public func counts(now: UInt64) -> (addressesOfRecord: Int, bindings: Int) {
        var addresses = 0, bindings = 0
        table.forEach { table in
            for list in table.values {
                let live = list.count { $0.expiresAt > now }
                if live > 0 { addresses += 1 }
                bindings += live
            }
        }
        return (addresses, bindings)
    }

    static func ordered(_ bindings: [Binding]) -> [Binding] {
        bindings.enumerated().sorted { lhs, rhs in
            if lhs.element.qualityThousandths != rhs.element.qualityThousandths {
                return lhs.element.qualityThousandths > rhs.element.qualityThousandths
            }
            if lhs.element.expiresAt != rhs.element.expiresAt { return lhs.element.expiresAt > rhs.element.expiresAt }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
