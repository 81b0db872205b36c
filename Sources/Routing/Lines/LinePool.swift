import RuntimeBundle
import Synchronization

/// Line accounting: how many calls each provider carries, against its `lines` limit.
///
/// A call takes a line with `acquire` before it is sent to the provider and gives it back with
/// `release` when it ends or fails. The count never goes above the limit (checked and taken
/// under one lock) nor below zero (only a lease the pool still holds can be released).
///
/// On reload (`replace(with:)`) the calls in progress keep their lines: a provider that stays
/// keeps its busy count under the new limit (a lower limit cancels nothing, it only refuses new
/// calls until the count is below it), and a provider that was removed keeps counting its calls
/// until they end, so it does not start again from zero if it comes back meanwhile.
///
/// One lock for the whole pool: a call takes it twice in its life, which is far below anything
/// that would contend.
public final class LinePool: Sendable {
    private struct Account {
        var limit: LineLimit
        var busy: Int
        /// False for a disabled provider: no new calls.
        var enabled: Bool
        /// False once a reload removed the provider; the account lives on while calls do.
        var inBundle: Bool
    }

    private struct State {
        var accounts: [String: Account] = [:]
        /// The leases handed out and not yet released, by id.
        var leases: [UInt64: String] = [:]
        var nextLease: UInt64 = 0
    }

    private let state: Mutex<State>

    /// Accounts for every provider of `bundle`, all lines free.
    public init(bundle: SwitchboardBundle) {
        var initial = State()
        for provider in bundle.providers {
            initial.accounts[provider.name] = Account(limit: provider.lines, busy: 0, enabled: provider.enabled, inBundle: true)
        }
        state = Mutex(initial)
    }

    /// Takes a line of `provider`; nil when every line is busy or the provider is unknown or
    /// disabled.
    public func acquire(_ provider: String) -> LineLease? {
        guard case .acquired(let lease) = tryAcquire(provider) else { return nil }
        return lease
    }

    /// Takes a line of `provider`, or says why not: the usage at that instant when all lines are
    /// busy, so the answer and the reason are one consistent reading.
    public func tryAcquire(_ provider: String) -> LineAcquisition {
        let pool = ObjectIdentifier(self)
        return state.withLock { state in
            guard var account = state.accounts[provider], account.inBundle, account.enabled else { return .unavailable }
            let usage = LineUsage(busy: account.busy, limit: account.limit)
            guard usage.hasFreeLine else { return .busy(usage) }
            account.busy += 1
            state.accounts[provider] = account
            let id = state.nextLease
            state.nextLease += 1
            state.leases[id] = provider
            return .acquired(LineLease(provider: provider, id: id, pool: pool))
        }
    }

    /// Gives a line back. A lease already released, or made by another pool, changes nothing.
    public func release(_ lease: LineLease) {
        guard lease.pool == ObjectIdentifier(self) else { return }
        state.withLock { state in
            guard let provider = state.leases.removeValue(forKey: lease.id),
                  var account = state.accounts[provider]
            else { return }
            account.busy -= 1
            if account.busy == 0, !account.inBundle {
                state.accounts[provider] = nil
            } else {
                state.accounts[provider] = account
            }
        }
    }

    /// Busy lines and the limit of a provider of the current bundle (disabled ones included);
    /// nil for a name the bundle does not have.
    public func usage(_ provider: String) -> LineUsage? {
        state.withLock { state in
            guard let account = state.accounts[provider], account.inBundle else { return nil }
            return LineUsage(busy: account.busy, limit: account.limit)
        }
    }

    /// Takes the limits and switches of a reloaded bundle; calls in progress keep their lines.
    public func replace(with bundle: SwitchboardBundle) {
        state.withLock { state in
            var accounts: [String: Account] = [:]
            for provider in bundle.providers {
                let busy = state.accounts[provider.name]?.busy ?? 0
                accounts[provider.name] = Account(limit: provider.lines, busy: busy, enabled: provider.enabled, inBundle: true)
            }
            for (name, account) in state.accounts where accounts[name] == nil && account.busy > 0 {
                accounts[name] = Account(limit: account.limit, busy: account.busy, enabled: false, inBundle: false)
            }
            state.accounts = accounts
        }
    }
}
