import Diagnostics

/// Two standard providers that register the same login at the same server overwrite each other's
/// registration at the provider: calls would reach only one of them.
struct RegistrationConflicts {
    let sink: DiagnosticSink

    func check(_ manifest: Manifest) {
        let providers = manifest.providers
        // `login@host` → position of the first provider registering it. Positions, not copies:
        // a `Provider` is about 1 KB, and reading it through `providers[…]` borrows it.
        var seen: [String: Int] = [:]
        for position in providers.indices {
            guard providers[position].effectiveType == .standard, providers[position].isEnabled,
                  let login = providers[position].login
            else { continue }
            // Every server counts: failover servers register the same binding.
            let hosts = Set(providers[position].servers.map(\.host.description)).sorted()
            let conflict = hosts.lazy.compactMap { host in seen["\(login.value)@\(host)"].map { (host, $0) } }.first
            if let (host, first) = conflict, let firstLogin = providers[first].login {
                sink.emit(.error(
                    .duplicateRegistration,
                    "providers `\(providers[first].name.value)` and `\(providers[position].name.value)` both register `\(login.value)` at \(host)",
                    at: login.span, related: [.init("`\(providers[first].name.value)` registers it here", at: firstLogin.span)],
                    notes: ["each registration replaces the other's contact at the provider"],
                    help: "remove one of the providers, or disable it"))
            }
            for host in hosts where seen["\(login.value)@\(host)"] == nil {
                seen["\(login.value)@\(host)"] = position
            }
        }
    }
}
