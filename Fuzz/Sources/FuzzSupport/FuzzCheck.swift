/// Stops the fuzzer with `message` when `condition` does not hold: libFuzzer records the input
/// as a crash, and the message says which oracle failed.
///
/// The fuzz targets' oracles call this, never `precondition`, so the failure carries a readable
/// message in optimised builds too.
public func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    fatalError("fuzz oracle failed: \(message())", file: file, line: line)
}
