/// One part of a large manifest file: read and decoded on its own, in parallel with the others.
struct ManifestPart: Sendable {
    /// The text to read. Every part but the first starts with a line naming the top-level list
    /// it continues (`providers:`), followed by the file's lines from the cut on.
    let bytes: [UInt8]
    /// Line n of `bytes` is line n + `lineOffset` of the file.
    let lineOffset: Int
}

/// Cuts a large manifest file between the entries of its top-level lists, so that its parts can
/// be parsed and decoded on several cores: one libyaml parser reads only one file, and in a
/// compile of 10,000 providers the parse and the tree are a third of the time.
///
/// A cut is only made where a line scan can tell the file's shape: a block mapping of unique
/// top-level keys, a list entry (`- ` at the list's own indentation) of one of them, and no
/// aliases, document markers, directives or line breaks other than `\n` anywhere. What the scan
/// cannot rule out (a cut inside a multi-line quoted scalar or flow collection) breaks the YAML of
/// a part; so `DecodedFile` uses the parts only when every part reads and decodes without a single
/// diagnostic, and reads the whole file as one otherwise. See docs/performance.md.
enum ManifestParts {
    /// The parts of `bytes`, at most `count` of them, or nil when the file is read whole.
    static func cut(_ bytes: [UInt8], into count: Int, sizes: ManifestPartSizes = .default) -> [ManifestPart]? {
        guard bytes.count >= sizes.minimumFileBytes else { return nil }
        let count = min(count, bytes.count / max(1, sizes.minimumPartBytes))
        guard count > 1 else { return nil }
        let candidates = bytes.withUnsafeBufferPointer(ListEntryScan.entries)
        guard let candidates else { return nil }
        // The first entry line at or after each even share of the bytes.
        var cuts: [ListEntryScan.Entry] = []
        var next = candidates.startIndex
        for share in 1..<count {
            let target = bytes.count * share / count
            while next < candidates.endIndex, candidates[next].offset < target { next += 1 }
            guard next < candidates.endIndex else { break }
            if cuts.last?.offset != candidates[next].offset { cuts.append(candidates[next]) }
        }
        guard !cuts.isEmpty else { return nil }
        var parts = [ManifestPart(bytes: Array(bytes[..<cuts[0].offset]), lineOffset: 0)]
        for (index, cut) in cuts.enumerated() {
            let end = index + 1 < cuts.count ? cuts[index + 1].offset : bytes.count
            var part = Array(bytes[cut.key])
            part.reserveCapacity(cut.key.count + 1 + end - cut.offset)
            part.append(UInt8(ascii: "\n"))
            part.append(contentsOf: bytes[cut.offset..<end])
            // The key line is line 1 of the part; the cut line, line 2, is `cut.line` of the file.
            parts.append(ManifestPart(bytes: part, lineOffset: cut.line - 2))
        }
        return parts
    }
}
