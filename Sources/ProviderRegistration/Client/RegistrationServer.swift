import RuntimeBundle
import SIP

/// One of a provider's `servers` as a registration uses it: the host and port its Request-URI and
/// address of record name, and where requests to it go (the proxy when there is one, else the
/// server itself).
struct RegistrationServer: Hashable, Sendable {
    /// The Request-URI host, and the domain of the address of record (To and From).
    let host: SIPHost
    /// The Request-URI port: only the one the bundle gave, none otherwise.
    let port: UInt16?
    /// The server itself (host, port, transport), for the status.
    let address: RegistrationTarget
    /// Where requests go: the proxy when there is one, else the server.
    let nextHop: RegistrationTarget

    /// Why a server cannot be used.
    struct Problem: Error {
        var state: ProviderRegistrationState
    }

    init(_ server: BundleAddress, proxy: BundleAddress?) throws(Problem) {
        guard let host = server.sipHost else {
            throw Problem(state: .failed(reason: "the server \(server.host) is not a valid SIP host"))
        }
        self.host = host
        port = server.port.map(UInt16.init)
        address = RegistrationTarget(server)
        nextHop = RegistrationTarget(proxy ?? server)
        guard nextHop.transport == .udp || nextHop.transport == .tcp else {
            throw Problem(state: .unsupported(reason: "\(nextHop.transport.rawValue) transport is not supported by this build (UDP and TCP are)"))
        }
    }

    /// The servers a registration rotates over, in the bundle's order: those whose next hop this
    /// build can reach. A server that needs TLS is left out while others remain; when none
    /// remains, or a server's host makes no SIP URI, the problem of the first such server.
    static func usable(_ servers: [BundleAddress], proxy: BundleAddress?) throws(Problem) -> [RegistrationServer] {
        var usable: [RegistrationServer] = []
        var unsupported: Problem?
        for server in servers {
            do {
                usable.append(try RegistrationServer(server, proxy: proxy))
            } catch {
                guard case .unsupported = error.state else { throw error }
                unsupported = unsupported ?? error
            }
        }
        guard !usable.isEmpty else {
            throw unsupported ?? Problem(state: .failed(reason: "the provider has no server"))
        }
        return usable
    }
}
