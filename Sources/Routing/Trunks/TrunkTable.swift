import RuntimeBundle

/// Which trunk provider a request comes from, told by its packet source: the address and port
/// the datagram or connection came from, never a Via or From header (anyone can write those).
///
/// Built from the `trunk.allow` entries of the bundle's enabled trunk providers. The most
/// specific entry wins: the longest prefix, and at the same prefix an entry bound to the source
/// port before one that accepts any port. The compiler refuses two trunks with the same range
/// (SB2070); a bundle that has them anyway is refused here too, since a call from there could
/// not be attributed.
///
/// A lookup probes one hash table per distinct (prefix length, port or not) pair, longest first,
/// so it costs at most a few hundred probes whatever the number of entries, and usually a few.
public struct TrunkTable: Sendable {
    /// Why a bundle's trunk entries cannot be used.
    public enum LoadError: Error, Hashable, Sendable, CustomStringConvertible {
        /// An entry that is not a source range.
        case malformedEntry(provider: String, entry: String, reason: TrunkAllowEntry.ParseError)
        /// The same range (and port) accepted by two providers.
        case ambiguousEntry(entry: String, providers: [String])

        public var description: String {
            switch self {
            case .malformedEntry(let provider, let entry, let reason):
                "trunk `\(provider)`: allow entry `\(entry)` is not a source range: \(reason)"
            case .ambiguousEntry(let entry, let providers):
                "trunks \(providers.map { "`\($0)`" }.joined(separator: " and ")) both accept calls from \(entry)"
            }
        }
    }

    /// The entries of one prefix length, with or without a port, by masked network and port.
    private struct Level: Sendable {
        var prefixLength: Int
        var portBound: Bool
        var mask: UInt128
        var providers: [Key: Owner]
    }

    private struct Key: Hashable, Sendable {
        var network: UInt128
        /// 0 for an entry that accepts any port.
        var port: Int
    }

    private struct Owner: Sendable {
        var provider: String
        var entry: String
    }

    /// Most specific first.
    private let levels: [Level]

    /// The number of distinct entries.
    public let entryCount: Int

    /// The table of the enabled trunk providers of `bundle`.
    public init(bundle: SwitchboardBundle) throws(LoadError) {
        var entries: [(provider: String, text: String)] = []
        for provider in bundle.providers where provider.enabled && provider.type == "trunk" {
            for text in provider.trunk?.allow ?? [] {
                entries.append((provider.name, text))
            }
        }
        try self.init(entries: entries)
    }

    /// A table from `(provider, entry text)` pairs, in any order.
    public init(entries: [(provider: String, text: String)]) throws(LoadError) {
        var byLevel: [Int: Level] = [:]
        var count = 0
        for (provider, text) in entries {
            let entry: TrunkAllowEntry
            do {
                entry = try TrunkAllowEntry(parsing: text)
            } catch {
                throw .malformedEntry(provider: provider, entry: text, reason: error)
            }
            let levelKey = entry.prefixLength * 2 + (entry.port == nil ? 0 : 1)
            var level = byLevel[levelKey] ?? Level(
                prefixLength: entry.prefixLength, portBound: entry.port != nil,
                mask: TrunkAllowEntry.mask(entry.prefixLength), providers: [:])
            let key = Key(network: entry.network.bits, port: entry.port ?? 0)
            if let owner = level.providers[key] {
                guard owner.provider == provider else {
                    throw .ambiguousEntry(entry: owner.entry, providers: [owner.provider, provider])
                }
                continue  // the same range twice in one provider's list
            }
            level.providers[key] = Owner(provider: provider, entry: text)
            byLevel[levelKey] = level
            count += 1
        }
        levels = byLevel.sorted { $0.key > $1.key }.map(\.value)
        entryCount = count
    }

    /// The provider whose entry matches the packet source most specifically; nil when none does
    /// or `host` is not an IP address. `host` is the source address as text, as SwiftNIO gives
    /// it: IPv4, or IPv6 without brackets; an IPv4-mapped `::ffff:a.b.c.d` counts as `a.b.c.d`.
    public func provider(forSource host: String, port: Int) -> String? {
        guard let address = TrunkAddress(host) else { return nil }
        return provider(forSource: address, port: port)
    }

    /// The provider whose entry matches `address` and `port` most specifically.
    public func provider(forSource address: TrunkAddress, port: Int) -> String? {
        for level in levels {
            let key = Key(network: address.bits & level.mask, port: level.portBound ? port : 0)
            if let owner = level.providers[key] { return owner.provider }
        }
        return nil
    }
}
