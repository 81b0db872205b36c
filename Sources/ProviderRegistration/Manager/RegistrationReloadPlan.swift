/// What a reload does to each provider's registration, decided from the settings alone:
/// unchanged settings keep the registration untouched; changed ones unregister and register
/// again; removed (or disabled) ones unregister; new ones register.
struct RegistrationReloadPlan: Hashable, Sendable {
    enum Decision: Hashable, Sendable {
        case keep
        case replace(ProviderRegistrationSettings)
        case remove
        case add(ProviderRegistrationSettings)
    }

    /// Decisions by provider name.
    var decisions: [String: Decision]

    /// - Parameters:
    ///   - current: the settings each existing registration is heading for, by provider.
    ///   - wanted: the settings of the new bundle.
    init(current: [String: ProviderRegistrationSettings], wanted: [ProviderRegistrationSettings]) {
        decisions = [:]
        for settings in wanted {
            switch current[settings.provider] {
            case nil: decisions[settings.provider] = .add(settings)
            case settings?: decisions[settings.provider] = .keep
            case _?: decisions[settings.provider] = .replace(settings)
            }
        }
        for name in current.keys where decisions[name] == nil {
            decisions[name] = .remove
        }
    }
}
