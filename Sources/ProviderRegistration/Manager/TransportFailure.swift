import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading socket errors: which ones say a target cannot be reached, and how to name them.
enum TransportFailure {
    /// The errors of an ICMP destination unreachable (port, host, network) as the kernel reports
    /// them on a connected UDP socket, or on a send it refused at once (no route).
    private static let unreachableCodes: Set<CInt> = [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, ENETDOWN]

    /// Whether `error` says the peer cannot be reached, rather than something local and passing
    /// (a full buffer) that a retransmission may get past.
    static func isUnreachable(_ error: any Error) -> Bool {
        (error as? IOError).map { unreachableCodes.contains($0.errnoCode) } ?? false
    }

    /// The error in words: the system's message for an errno (`Connection refused`), else the
    /// error's own description.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? IOError else { return "\(error)" }
        return String(cString: strerror(error.errnoCode))
    }
}
