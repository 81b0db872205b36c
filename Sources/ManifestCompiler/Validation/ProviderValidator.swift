import Diagnostics

/// Rules between the fields of one provider, which depend on its type.
struct ProviderValidator {
    let sink: DiagnosticSink

    /// `subject` names the provider in messages; an entry whose name was refused passes
    /// "this provider".
    func validate(_ provider: Provider, subject: String? = nil) {
        // Made only for a message: most providers have none.
        let subject = { subject ?? "provider `\(provider.name.value)`" }
        if provider.writtenKeys.isDisjoint(with: [.server, .servers]) {
            sink.emit(.error(
                .missingField, "\(subject()) has no `server`", at: provider.name.span,
                label: "calls through this provider would have nowhere to go",
                help: "add `server: sip.provider.example` (host[:port])"))
        }
        switch provider.effectiveType {
        case .standard:
            validateStandard(provider, subject: subject())
        case .trunk:
            validateTrunk(provider, subject: subject())
        }
    }

    private func validateStandard(_ provider: Provider, subject: @autoclosure () -> String) {
        if !provider.writtenKeys.isSuperset(of: [.login, .password]) {
            let missing = Provider.WrittenKeys([.login, .password]).subtracting(provider.writtenKeys).names
            sink.emit(.error(
                .missingCredentials,
                "\(subject()) registers with digest authentication but has no \(missing.map { "`\($0)`" }.joined(separator: " or "))",
                at: provider.type?.span ?? provider.name.span,
                notes: ["a `standard` provider (the default type) registers with login and password"],
                help: "add \(missing.map { $0 == "password" ? "`password: { env: NAME }`" : "`login: …`" }.joined(separator: " and ")), "
                    + "or write `type: trunk` if the provider recognises you by your IP address"))
        }
        if let allow = provider.trunkAllow, let first = allow.first {
            sink.emit(.warning(
                .unusedTrunkSettings, "\(subject()) is `standard`, so `trunk.allow` is never used", at: first.span,
                help: "remove `trunk:`, or write `type: trunk`"))
        }
    }

    private func validateTrunk(_ provider: Provider, subject: @autoclosure () -> String) {
        for (field, span) in [("login", provider.login?.span), ("password", provider.password?.span)] {
            guard let span else { continue }
            sink.emit(.warning(
                .unusedCredentials, "\(subject()) is a trunk, so its `\(field)` is never used", at: span,
                notes: ["a trunk does not register; the provider recognises you by your IP address"],
                help: "remove `\(field)`, or write `type: standard` if the provider expects a registration"))
        }
        let literalAddresses = (provider.servers + [provider.proxy].compactMap { $0 }).filter {
            if case .ip = $0.host { return true }
            return false
        }
        // An allow list that was written but is empty or wrong has been reported by the decoder.
        if !provider.writtenKeys.contains(.trunk), literalAddresses.isEmpty {
            sink.emit(.error(
                .trunkWithoutAllowList, "\(subject()) is a trunk but no source address is known", at: provider.type?.span ?? provider.name.span,
                notes: ["calls from a trunk are accepted by their source address; its server is a host name, "
                    + "and DNS must not decide who may call"],
                help: "add `trunk: { allow: [203.0.113.0/28] }` with the provider's signalling addresses"))
        }
    }
}
