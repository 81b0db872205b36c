@testable import ProviderRegistration
import RuntimeBundle
import Testing

/// Which registrations a reload keeps, replaces, removes and adds, from the settings alone.
@Suite struct ReloadPlanTests {
    @Test func unchangedProvidersAreKept() {
        let plan = RegistrationReloadPlan(
            current: ["acme": testSettings(provider: "acme"), "budget": testSettings(provider: "budget")],
            wanted: [testSettings(provider: "acme"), testSettings(provider: "budget")])
        #expect(plan.decisions == ["acme": .keep, "budget": .keep])
    }

    @Test(arguments: [
        testSettings(expires: 600),
        testSettings(password: "changed"),
        testSettings(login: "74950000000"),
        testSettings(server: .init(host: "sip2.acme.example", port: nil, transport: "udp")),
        testSettings(server: .init(host: "sip.acme.example", port: nil, transport: "tcp")),
        testSettings(proxy: .init(host: "sbc.acme.example", port: 5070, transport: "udp")),
        testSettings(registrationIP: "203.0.113.10"),
    ])
    func anyRegistrationSettingChangedReplaces(_ changed: ProviderRegistrationSettings) {
        let plan = RegistrationReloadPlan(current: ["acme": testSettings()], wanted: [changed])
        #expect(plan.decisions == ["acme": .replace(changed)])
    }

    @Test func aChangedPasswordReferenceReplacesEvenWithTheSamePassword() {
        var moved = testSettings()
        moved.passwordReference = .file("acme.password")
        let plan = RegistrationReloadPlan(current: ["acme": testSettings()], wanted: [moved])
        #expect(plan.decisions == ["acme": .replace(moved)])
    }

    @Test func removedProvidersAreRemovedAndNewOnesAdded() {
        let budget = testSettings(provider: "budget")
        let plan = RegistrationReloadPlan(current: ["acme": testSettings()], wanted: [budget])
        #expect(plan.decisions == ["acme": .remove, "budget": .add(budget)])
    }
}

/// Settings from a bundle: which providers register, with which password.
@Suite struct SettingsFromBundleTests {
    private func provider(
        _ name: String, enabled: Bool = true, type: String = "standard", password: BundleSecret? = .env("ACME_PASSWORD"),
        expires: Int? = 600
    ) -> BundleProvider {
        BundleProvider(
            name: name, title: nil, enabled: enabled, calls: .init(incoming: true, outgoing: true), type: type,
            servers: [.init(host: "sip.\(name).example", port: 5062, transport: "udp")],
            proxy: nil, login: type == "standard" ? "login-\(name)" : nil, password: type == "standard" ? password : nil,
            lines: .unlimited, callerId: nil, registrationIp: nil, registration: expires.map { .init(expires: $0) },
            trunk: nil, rules: .init(inbound: "auto", outbound: "auto"), source: "providers.yaml:1:9")
    }

    private func bundle(_ providers: [BundleProvider]) -> SwitchboardBundle {
        SwitchboardBundle(providers: providers, extensions: [], inbound: [], outbound: [])
    }

    @Test func enabledStandardProvidersOnly() throws {
        let secrets = SecretResolver(environment: ["ACME_PASSWORD": "pw"], baseDirectory: "/nonexistent")
        let settings = try ProviderRegistrationSettings.all(
            in: bundle([provider("acme"), provider("off", enabled: false), provider("trunk", type: "trunk"), provider("late", expires: nil)]),
            secrets: secrets)
        #expect(settings.map(\.provider) == ["acme", "late"])
        #expect(settings[0].password == "pw" && settings[0].login == "login-acme" && settings[0].expires == 600)
        #expect(settings[0].servers == [BundleAddress(host: "sip.acme.example", port: 5062, transport: "udp")])
        #expect(settings[1].expires == 3600)
    }

    @Test func aMissingPasswordNamesTheProvider() {
        let secrets = SecretResolver(environment: [:], baseDirectory: "/nonexistent")
        #expect(throws: SecretResolver.MissingSecret(owner: "provider acme", reason: "the environment variable ACME_PASSWORD is not set")) {
            try ProviderRegistrationSettings.all(in: bundle([provider("acme")]), secrets: secrets)
        }
        let error = SecretResolver.MissingSecret(owner: "provider acme", reason: "the environment variable ACME_PASSWORD is not set")
        #expect(error.description == "the password of provider acme cannot be read: the environment variable ACME_PASSWORD is not set")
    }

    @Test func aDisabledProvidersPasswordIsNotNeeded() throws {
        let secrets = SecretResolver(environment: [:], baseDirectory: "/nonexistent")
        #expect(try ProviderRegistrationSettings.all(in: bundle([provider("acme", enabled: false)]), secrets: secrets).isEmpty)
    }
}
