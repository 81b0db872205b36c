/// The bindings of every address of record, in memory, safe to use from many event loops, and
/// written through to a ``BindingStore`` when there is one.
///
/// Bindings lapse on time: lookups never return an expired binding, and `removeExpired` drops
/// them for good (the server calls it periodically). Updates of one AoR are applied as a whole
/// under one lock, so a REGISTER either takes effect completely or not at all (RFC 3261 §10.3).
/// The table is striped by AoR (``LockStripes``), so event loops updating different AoRs do not
/// wait for each other.
///
/// With a store, every change is written to it first, under the same per-AoR lock (so the disk
/// sees one AoR's changes in the order memory does), and made in memory only once it is
/// stored: a failed write leaves memory as it was and is thrown to the caller, which must not
/// acknowledge the change.
public final class LocationService: Sendable {
    private let table: LockStripes<[String: [Binding]]>
    /// Where changes are written before they are made; nil keeps bindings in memory only.
    public let store: (any BindingStore)?

    public init(stripes: Int = 64, store: (any BindingStore)? = nil) {
        table = LockStripes(count: stripes) { [:] }
        self.store = store
    }

    /// The live bindings of `addressOfRecord`, best first: highest q, then most recently
    /// refreshed (latest expiry), then contact order.
    public func lookup(_ addressOfRecord: String, now: UInt64) -> [Binding] {
        let bindings = table.withLock(for: addressOfRecord) { $0[addressOfRecord] ?? [] }
        return Self.ordered(bindings.filter { $0.expiresAt > now })
    }

    /// Applies `change` to the AoR's live bindings atomically: the closure edits the list and
    /// returns a result. When the list changed it is stored first; a store failure is thrown
    /// and leaves everything as it was.
    public func update<Result>(
        _ addressOfRecord: String, now: UInt64,
        _ change: (inout [Binding]) -> Result
    ) throws(BindingStoreError) -> Result {
        try table.withLock(for: addressOfRecord) { (table: inout [String: [Binding]]) throws(BindingStoreError) -> Result in
            // The AoR is looked up once: a refresh writes its bindings back at the same index.
            let index = table.index(forKey: addressOfRecord)
            let current = index.map { table.values[$0] } ?? []
            var bindings = current.allSatisfy { $0.expiresAt > now } ? current : current.filter { $0.expiresAt > now }
            let result = change(&bindings)
            if let store, bindings != current {
                try store.save(bindings, of: addressOfRecord)
            }
            if let index, !bindings.isEmpty {
                table.values[index] = bindings
            } else {
                table[addressOfRecord] = bindings.isEmpty ? nil : bindings
            }
            return result
        }
    }

    /// Drops expired bindings; returns the AoRs that lost bindings, for logging. The store's
    /// expired rows are deleted first: when that fails nothing is dropped (lookups skip expired
    /// bindings anyway) and the next sweep tries again.
    @discardableResult
    public func removeExpired(now: UInt64) throws(BindingStoreError) -> [String: [Binding]] {
        try store?.removeExpired(now: now)
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
    /// The others are deleted from the store first; when that fails memory is left as it was.
    public func retain(where keep: (String) -> Bool) throws(BindingStoreError) {
        if let store {
            var dropped: [String] = []
            table.forEach { table in dropped += table.keys.filter { !keep($0) } }
            try store.remove(addressesOfRecord: dropped)
        }
        table.forEach { table in
            table = table.filter { keep($0.key) }
        }
    }

    /// Fills the table from the store at start: bindings expired at `now` and AoRs for which
    /// `keep` is false (extensions no longer in the bundle, domains no longer served) are
    /// deleted from the store, the rest is served again.
    public func restore(now: UInt64, keeping keep: (String) -> Bool) throws(BindingStoreError) -> RestoredBindings {
        guard let store else { return RestoredBindings() }
        var summary = RestoredBindings()
        var dropped: [String] = []
        for (aor, bindings) in try store.load() {
            let live = bindings.filter { $0.expiresAt > now }
            summary.expired += bindings.count - live.count
            guard !live.isEmpty else { continue }
            guard keep(aor) else {
                dropped.append(aor)
                summary.removedExtensions += live.count
                continue
            }
            summary.restored += live.count
            table.withLock(for: aor) { $0[aor] = live }
        }
        try store.removeExpired(now: now)
        try store.remove(addressesOfRecord: dropped)
        return summary
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
