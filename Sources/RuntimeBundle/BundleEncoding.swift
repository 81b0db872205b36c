import Hashing

/// The bundle's file form: canonical JSON with a `digest` member that is the SHA-256 of the
/// canonical form without it. Same bundle, same bytes, on every machine.
public enum BundleEncoding {
    /// `sha256:` and the hexadecimal SHA-256 of the bundle's canonical content.
    public static func digest(of bundle: SwitchboardBundle) -> String {
        "sha256:" + DigestAlgorithm.sha256.hexHash(CanonicalJSONWriter.bytes(bundle.contentJSON))
    }

    /// The bytes of the bundle file.
    public static func encode(_ bundle: SwitchboardBundle) -> (bytes: [UInt8], digest: String) {
        let digest = digest(of: bundle)
        guard case .object(var members) = bundle.contentJSON else { preconditionFailure("a bundle is an object") }
        members["digest"] = .string(digest)
        return (CanonicalJSONWriter.bytes(.object(members)), digest)
    }
}
