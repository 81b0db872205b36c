import Diagnostics

/// Two standard providers that register the same login at the same server overwrite each other's
/// registration at the provider: calls would reach only one of them.
struct RegistrationConflicts {
    let sink: DiagnosticSink

    func check(_ manifest: Manifest) {
        var seen: [String: Provider] = [:]
        for provider in manifest.providers where provider.effectiveType == .standard && provider.isEnabled {
            guard let login = provider.login else { continue }
            // Every server counts: failover servers register the same binding.
            let hosts = Set(provider.servers.map(\.host.description)).sorted()
            let conflict = hosts.lazy.compactMap { host in seen["\(login.value)@\(host)"].map { (host, $0) } }.first
            if let (host, first) = conflict, let firstLogin = first.login {
                sink.emit(.error(
                    .duplicateRegistration,
                    "providers `\(first.name.value)` and `\(provider.name.value)` both register `\(login.value)` at \(host)",
                    at: login.span, related: [.init("`\(first.name.value)` registers it here", at: firstLogin.span)],
                    notes: ["each registration replaces the other's contact at the provider"],
                    help: "remove one of the providers, or disable it"))
            }
            for host in hosts where seen["\(login.value)@\(host)"] == nil {
                seen["\(login.value)@\(host)"] = provider
            }
        }
    }
}
