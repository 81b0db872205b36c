import Diagnostics

/// Two standard providers that register the same login at the same server overwrite each other's
/// registration at the provider: calls would reach only one of them.
struct RegistrationConflicts {
    let sink: DiagnosticSink

    /// A login at a host: what a registration binds.
    private struct Binding: Hashable {
        var login: String
        var host: String
    }

    func check(_ manifest: Manifest) {
        let providers = manifest.providers
        // Each binding → position of the first provider registering it. Positions, not copies:
        // a `Provider` is over 500 bytes, and reading it through `providers[…]` borrows it.
        var seen: [Binding: Int] = [:]
        seen.reserveCapacity(providers.count)
        for position in providers.indices {
            guard providers[position].effectiveType == .standard, providers[position].isEnabled,
                  let login = providers[position].login
            else { continue }
            // Every server counts: failover servers register the same binding. Each binding is
            // hashed once: entered, and put back on the rare conflict, so the first stays.
            var conflict: (host: String, first: Int)?
            for host in Self.distinctHosts(providers[position].servers) {
                let binding = Binding(login: login.value, host: host)
                guard let first = seen.updateValue(position, forKey: binding) else { continue }
                seen[binding] = first
                if conflict == nil { conflict = (host, first) }
            }
            if let (host, first) = conflict, let firstLogin = providers[first].login {
                sink.emit(.error(
                    .duplicateRegistration,
                    "providers `\(providers[first].name.value)` and `\(providers[position].name.value)` both register `\(login.value)` at \(host)",
                    at: login.span, related: [.init("`\(providers[first].name.value)` registers it here", at: firstLogin.span)],
                    notes: ["each registration replaces the other's contact at the provider"],
                    help: "remove one of the providers, or disable it"))
            }
        }
    }

    /// The hosts of `servers`, each once, in order (most providers have one server).
    private static func distinctHosts(_ servers: [ServerAddress]) -> [String] {
        if servers.count == 1 { return [servers[0].host.description] }
        return Set(servers.map { $0.host.description }).sorted()
    }
}
