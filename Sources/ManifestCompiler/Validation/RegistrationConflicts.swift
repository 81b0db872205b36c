import Diagnostics

/// Two standard providers that register the same login at the same server overwrite each other's
/// registration at the provider: calls would reach only one of them.
struct RegistrationConflicts {
    let sink: DiagnosticSink

    func check(_ manifest: Manifest) {
        var seen: [String: Provider] = [:]
        for provider in manifest.providers where provider.effectiveType == .standard && provider.isEnabled {
            guard let login = provider.login?.value, let server = provider.servers.first else { continue }
            let key = "\(login)@\(server.host)"
            if let first = seen[key] {
                sink.emit(.error(
                    .duplicateRegistration,
                    "providers `\(first.name.value)` and `\(provider.name.value)` both register `\(login)` at \(server.host)",
                    at: provider.login!.span, related: [.init("`\(first.name.value)` registers it here", at: first.login!.span)],
                    notes: ["each registration replaces the other's contact at the provider"],
                    help: "remove one of the providers, or disable it"))
            } else {
                seen[key] = provider
            }
        }
    }
}
