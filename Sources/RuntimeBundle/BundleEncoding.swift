import Hashing

/// The bundle's file form: canonical JSON with a `digest` member that is the SHA-256 of the
/// canonical form without it. Same bundle, same bytes, on every machine.
///
/// Both the digest and the file are written straight from the bundle's values, in key order, into
/// one buffer (`CanonicalJSONWritable`), not through `contentJSON`: the bundle is encoded and
/// hashed once. `"digest"` sorts before every other top-level key, so the file is the content with
/// the digest member inserted right after its opening `{`. The content is written after a gap of
/// exactly the digest member's length, hashed in place, and then the gap is filled in.
public enum BundleEncoding {
    /// `sha256:` and the hexadecimal SHA-256 of the bundle's canonical content.
    public static func digest(of bundle: SwitchboardBundle) -> String {
        var output = CanonicalJSONOutput(reservingCapacity: bundle.estimatedEncodedSize)
        bundle.writeContent(to: &output)
        return digest(ofContent: output.finish()[...])
    }

    /// The bytes of the bundle file.
    public static func encode(_ bundle: SwitchboardBundle) -> (bytes: [UInt8], digest: String) {
        encode(bundle, parallelChunk: SwitchboardBundle.parallelChunk)
    }

    /// The bytes of the bundle file, its long lists written in parallel chunks of at least
    /// `parallelChunk` objects (`.max`: all in line; the bytes are the same).
    static func encode(_ bundle: SwitchboardBundle, parallelChunk: Int) -> (bytes: [UInt8], digest: String) {
        let gap = digestMember(placeholderDigest).count
        var output = CanonicalJSONOutput(reservingCapacity: gap + bundle.estimatedEncodedSize)
        output.appendRaw(repeatElement(UInt8(ascii: " "), count: gap))
        bundle.writeContent(to: &output, parallelChunk: parallelChunk)
        var bytes = output.finish()
        let digest = digest(ofContent: bytes[gap...])
        // Gap + the content's `{` become `{` + the digest member; the content's first member
        // follows on its own line, as before.
        precondition(bytes[gap] == UInt8(ascii: "{"), "the content is an object")
        bytes.replaceSubrange(0...gap, with: [UInt8(ascii: "{")] + digestMember(digest))
        return (bytes, digest)
    }

    private static func digest(ofContent content: ArraySlice<UInt8>) -> String {
        "sha256:" + DigestAlgorithm.sha256.hexHash(content)
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

    /// Every digest has this length, so the gap for it is known before the content is hashed.
    private static let placeholderDigest = "sha256:" + String(repeating: "0", count: 64)
}
