/// A value bound to a statement's parameter: the two storage classes the project uses.
public enum SQLiteValue: Hashable, Sendable {
    case integer(Int64)
    case text(String)
}
