/// Where a secret comes from. The compiler never resolves it: the bundle keeps the reference
/// and the registrar reads the secret when it loads the bundle.
public enum SecretReference: Sendable, Hashable {
    /// An environment variable of the registrar's process.
    case environment(String)
    /// A file whose content (without a trailing newline) is the secret.
    case file(String)
    /// The secret itself, written in the manifest: allowed, but flagged, since it lands in git.
    case plaintext(String)
}
