import CLibCrypto

/// A digest of bytes that arrive in pieces: the digest `DigestAlgorithm.hash` gives of the
/// pieces joined, without holding them all at once. The bundle is hashed this way while it is
/// encoded and written to its file piece by piece.
///
/// A class because it owns libcrypto's context, freed when it goes away; not for sharing
/// between threads.
public final class DigestStream {
    private let context: OpaquePointer

    public init(_ algorithm: DigestAlgorithm) {
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("libcrypto cannot allocate a digest context") }
        precondition(EVP_DigestInit_ex(context, algorithm.evp, nil) == 1, "libcrypto EVP_DigestInit_ex failed")
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds the next piece.
    public func update(_ piece: UnsafeRawBufferPointer) {
        guard let base = piece.baseAddress, piece.count > 0 else { return }
        precondition(EVP_DigestUpdate(context, base, piece.count) == 1, "libcrypto EVP_DigestUpdate failed")
    }

    /// The digest of every piece added, as lowercase hexadecimal. The stream is spent afterwards.
    public func finishHex() -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { output in
            var length: UInt32 = 0
            precondition(EVP_DigestFinal_ex(context, output.baseAddress, &length) == 1, "libcrypto EVP_DigestFinal_ex failed")
            return HexDigits.string(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(output)[..<Int(length)]))
        }
    }
}
