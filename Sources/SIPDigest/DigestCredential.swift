/// What a credential store answers for a username: the password, or the precomputed `H(A1)`
/// values (`H(username:realm:password)`, lowercase hex) per algorithm, so that stores need not keep
/// passwords in the clear.
///
/// A `.ha1` credential without an entry for the algorithm the client chose cannot be verified; it
/// is treated exactly like a wrong password.
public enum DigestCredential: Sendable, Hashable {
    case password(String)
    case ha1([DigestAuthAlgorithm: String])
}
