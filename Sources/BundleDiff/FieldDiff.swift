import RuntimeBundle

/// Flattens two versions of an object's `jsonValue` into the fields that differ, by path.
///
/// - Objects are followed member by member: `calls.incoming`, `registration.expires`.
/// - Lists of objects are followed element by element: `servers[0].port`, `routes[1].strip`.
/// - Lists of scalars are one value (`prefixes: ["8"] → ["8", "+7"]`), except a longer list of
///   the same length where one or two entries changed, which is shown per entry
///   (`trunk.allow[1]`): a list is easier to compare whole, a long one entry by entry.
/// - A member present on one side only is compared with `absent`, leaf by leaf.
/// - A password (`{"env"}`, `{"file"}`, `{"inline"}`) is one leaf, shown as its reference; the
///   text of an inline secret is compared but never copied into the result.
enum FieldDiff {
    /// Members in the order the bundle documentation lists them, so a provider's fields read
    /// top to bottom as in docs/bundle.md; members not listed come after, by name.
    static let memberOrder: [String: Int] = {
        let names = [
            "name", "number", "generated_for", "title", "display_name", "enabled", "calls", "incoming", "outgoing",
            "type", "servers", "proxy", "host", "port", "transport", "login", "password", "lines", "provider",
            "called_prefixes", "caller_prefixes", "destination", "extensions", "ring", "prefixes", "min_length",
            "max_length", "caller_id", "registration_ip", "registration", "expires", "trunk", "allow", "derived",
            "rules", "inbound", "outbound", "routes", "strip", "prepend", "source",
        ]
        return Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }()

    /// A list of scalars this long or longer, with the same length on both sides and at most
    /// `maximumChangedEntries` entries changed, is shown entry by entry.
    static let entryWiseMinimumLength = 3
    static let maximumChangedEntries = 2

    /// The fields of an object that differ, leaving out the members in `ignoring` (the
    /// identity, `source`).
    static func changes(old: JSONValue?, new: JSONValue?, ignoring: Set<String>) -> [FieldChange] {
        var changes: [FieldChange] = []
        let oldMembers = members(of: old, without: ignoring)
        let newMembers = members(of: new, without: ignoring)
        compareMembers("", oldMembers, newMembers, into: &changes)
        return changes
    }

    /// The object's members without those ignored; nil stays empty.
    static func members(of value: JSONValue?, without ignored: Set<String>) -> [String: JSONValue] {
        guard case .object(var members)? = value else { return [:] }
        for key in ignored { members[key] = nil }
        return members
    }

    /// The reference a password value shows as, or nil when the value is not a secret.
    static func secret(_ value: JSONValue?) -> SecretReference? {
        guard case .object(let members)? = value, members.count == 1, let (key, inner) = members.first,
            case .string(let text) = inner
        else { return nil }
        switch key {
        case "env": return .env(text)
        case "file": return .file(text)
        case "inline": return .inline
        default: return nil
        }
    }

    static func shown(_ value: JSONValue?) -> FieldValue {
        guard let value else { return .absent }
        if let secret = secret(value) { return .secret(secret) }
        return .value(masked(value))
    }

    /// `value` with any inline secret inside it replaced by `(secret)`. Passwords are leaves, so
    /// this only matters for a whole object shown as one value; it keeps the guarantee local.
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            if case .inline? = secret(value) { return .object(["inline": .string(ValueText.secret)]) }
            return .object(members.mapValues(masked))
        case .array(let elements):
            return .array(elements.map(masked))
        default:
            return value
        }
    }

    private static func ordered(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { lhs, rhs in
            let left = memberOrder[lhs] ?? Int.max, right = memberOrder[rhs] ?? Int.max
            return left != right ? left < right : lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
        }
    }

    private static func compareMembers(
        _ path: String, _ old: [String: JSONValue], _ new: [String: JSONValue], into changes: inout [FieldChange]
    ) {
        for key in ordered(Set(old.keys).union(new.keys)) {
            compare(path.isEmpty ? key : path + "." + key, old[key], new[key], into: &changes)
        }
    }

    private static func compare(_ path: String, _ old: JSONValue?, _ new: JSONValue?, into changes: inout [FieldChange]) {
        guard old != new else { return }
        if secret(old) != nil || secret(new) != nil {
            return changes.append(FieldChange(path: path, old: shown(old), new: shown(new)))
        }
        switch (old, new) {
        case (.object(let left)?, .object(let right)?):
            compareMembers(path, left, right, into: &changes)
        case (.object(let left)?, nil) where !left.isEmpty:
            compareMembers(path, left, [:], into: &changes)
        case (nil, .object(let right)?) where !right.isEmpty:
            compareMembers(path, [:], right, into: &changes)
        case (.array(let left)?, .array(let right)?) where hasContainers(left) || hasContainers(right):
            compareElements(path, left, right, into: &changes)
        case (.array(let left)?, nil) where hasContainers(left):
            compareElements(path, left, [], into: &changes)
        case (nil, .array(let right)?) where hasContainers(right):
            compareElements(path, [], right, into: &changes)
        case (.array(let left)?, .array(let right)?) where readsBetterEntryWise(left, right):
            compareElements(path, left, right, into: &changes)
        default:
            changes.append(FieldChange(path: path, old: shown(old), new: shown(new)))
        }
    }

    private static func compareElements(_ path: String, _ old: [JSONValue], _ new: [JSONValue], into changes: inout [FieldChange]) {
        for index in 0..<max(old.count, new.count) {
            compare(
                "\(path)[\(index)]", index < old.count ? old[index] : nil, index < new.count ? new[index] : nil,
                into: &changes)
        }
    }

    private static func hasContainers(_ values: [JSONValue]) -> Bool {
        values.contains { value in
            switch value {
            case .array, .object: true
            default: false
            }
        }
    }

    /// Same length, long enough, one or two entries changed, and not a reordering (a reordered
    /// list is clearer whole).
    private static func readsBetterEntryWise(_ old: [JSONValue], _ new: [JSONValue]) -> Bool {
        guard old.count == new.count, old.count >= entryWiseMinimumLength else { return false }
        let changed = zip(old, new).count { $0 != $1 }
        guard changed <= maximumChangedEntries else { return false }
        var counts: [JSONValue: Int] = [:]
        for value in old { counts[value, default: 0] += 1 }
        for value in new { counts[value, default: 0] -= 1 }
        return counts.values.contains { $0 != 0 }
    }
}
