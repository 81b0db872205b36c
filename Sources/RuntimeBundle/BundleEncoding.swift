import Hashing

/// The bundle's file form: canonical JSON with a `digest` member that is the SHA-256 of the
/// canonical form without it. Same bundle, same bytes, on every machine.
///
/// Both the digest and the file are written straight from the bundle's values, in key order
/// (`CanonicalJSONWritable`), not through `contentJSON`: the bundle is encoded and hashed once.
/// `"digest"` sorts before every other top-level key, so the file is the content with the
/// digest member inserted right after its opening `{`. The file starts with a placeholder of
/// exactly the digest member's length, the content follows and is hashed as it is written, and
/// the placeholder is filled in last.
public enum BundleEncoding {
    /// `sha256:` and the hexadecimal SHA-256 of the bundle's canonical content.
    public static func digest(of bundle: SwitchboardBundle) -> String {
        encode(bundle, parallelChunk: SwitchboardBundle.parallelChunk) { _ in }.digest
    }

    /// The bytes of the bundle file.
    public static func encode(_ bundle: SwitchboardBundle) -> (bytes: [UInt8], digest: String) {
        encode(bundle, parallelChunk: SwitchboardBundle.parallelChunk)
    }

    /// The bundle file in pieces, each handed to `emit` as soon as it is encoded, so a file can
    /// be written (and flushed to disk) while the rest is still being encoded. The file is the
    /// pieces in order, except that its first `header.count` bytes are placeholders until the
    /// digest is known: `header` replaces them.
    public static func encode(
        _ bundle: SwitchboardBundle, emitting emit: (UnsafeRawBufferPointer) -> Void
    ) -> (header: [UInt8], digest: String) {
        encode(bundle, parallelChunk: SwitchboardBundle.parallelChunk, emitting: emit)
    }

    /// The bytes of the bundle file, its long lists written in parallel chunks of at least
    /// `parallelChunk` objects (`.max`: all in line; the bytes are the same).
    static func encode(_ bundle: SwitchboardBundle, parallelChunk: Int) -> (bytes: [UInt8], digest: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(placeholder.count + bundle.estimatedEncodedSize)
        let (header, digest) = encode(bundle, parallelChunk: parallelChunk) { bytes.append(contentsOf: $0) }
        bytes.replaceSubrange(0..<header.count, with: header)
        return (bytes, digest)
    }

    static func encode(
        _ bundle: SwitchboardBundle, parallelChunk: Int, emitting emit: (UnsafeRawBufferPointer) -> Void
    ) -> (header: [UInt8], digest: String) {
        placeholder.withUnsafeBytes(emit)
        let content = DigestStream(.sha256)
        withoutActuallyEscaping(emit) { emit in
            var output = CanonicalJSONOutput(
                draining: { piece in
                    content.update(piece)
                    emit(piece)
                },
                reservingCapacity: pieceCapacity)
            bundle.writeContent(to: &output, parallelChunk: parallelChunk)
            output.finishDraining()
        }
        let digest = "sha256:" + content.finishHex()
        // The placeholder + the content's `{` become `{` + the digest member; the content's first
        // member follows on its own line.
        return ([UInt8(ascii: "{")] + digestMember(digest), digest)
    }

    /// The digest as the first member of the top-level object: a line break, the indentation,
    /// `"digest": "sha256:…"` and the comma before the next member.
    private static func digestMember(_ digest: String) -> [UInt8] {
        var output = CanonicalJSONOutput(reservingCapacity: 96)
        output.beginObject()
        output.member("digest", digest)
        // `{`, the member on its own line, and the document's final line break: keep the member.
        let written = output.finish()
        return Array(written.dropFirst().dropLast()) + [UInt8(ascii: ",")]
    }

    /// Every digest has the same length, so the header's place is known before the content is
    /// hashed: the digest member's length in spaces.
    private static let placeholder = [UInt8](repeating: UInt8(ascii: " "), count: digestMember("sha256:" + String(repeating: "0", count: 64)).count)

    /// The bytes encoded between two pieces at most, roughly: one window of a long list
    /// (`CanonicalJSONOutput`), a couple of megabytes.
    private static let pieceCapacity = 4 << 20
}
