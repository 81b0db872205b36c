import Diagnostics

/// Trunk providers are told apart by packet source address, so two of them must not accept the
/// same addresses. Identical ranges are an error (a call could not be attributed); a range inside
/// another provider's range is a warning (the narrower range wins at runtime).
///
/// Ranges are sorted by address; a sweep with a stack of enclosing ranges finds every nesting in
/// O(n log n), so large manifests are not compared pair by pair.
struct TrunkOverlap {
    let sink: DiagnosticSink

    private struct Entry {
        var provider: String
        var range: Located<AddressRange>
        var bytes: [UInt8]
    }

    func check(_ manifest: Manifest) {
        var entries: [Entry] = []
        // By position, reading through the list: iterating by value copied every provider.
        for position in manifest.providers.indices where manifest.providers[position].effectiveType == .trunk {
            let name = manifest.providers[position].name.value
            for range in manifest.providers[position].effectiveTrunkAllow {
                entries.append(Entry(provider: name, range: range, bytes: range.value.network.bytes))
            }
        }
        entries.sort { lhs, rhs in
            if lhs.bytes.count != rhs.bytes.count { return lhs.bytes.count < rhs.bytes.count }
            if lhs.bytes != rhs.bytes { return lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
            return lhs.range.value.prefixLength < rhs.range.value.prefixLength
        }
        var enclosing: [Entry] = []
        for entry in entries {
            while let last = enclosing.last, !last.range.value.contains(entry.range.value) {
                enclosing.removeLast()
            }
            if let outer = enclosing.last(where: { $0.provider != entry.provider && $0.range.value.overlaps(entry.range.value) }) {
                report(entry, inside: outer)
            }
            enclosing.append(entry)
        }
    }

    private func report(_ entry: Entry, inside outer: Entry) {
        let inner = entry.range.value, wide = outer.range.value
        if inner.prefixLength == wide.prefixLength {
            sink.emit(.error(
                .identicalTrunkRanges,
                "trunks `\(outer.provider)` and `\(entry.provider)` both accept calls from \(inner)",
                at: entry.range.span, related: [.init("`\(outer.provider)` accepts the same addresses here", at: outer.range.span)],
                notes: ["a call from these addresses could not be attributed to one provider"],
                help: "give each trunk its own signalling addresses, or bind them to different source ports"))
        } else {
            sink.emit(.warning(
                .nestedTrunkRanges,
                "\(inner) of trunk `\(entry.provider)` lies inside \(wide) of trunk `\(outer.provider)`",
                at: entry.range.span, related: [.init("the wider range", at: outer.range.span)],
                notes: ["calls from \(inner) go to `\(entry.provider)` (the narrower range wins), the rest of \(wide) to `\(outer.provider)`"]))
        }
    }
}
