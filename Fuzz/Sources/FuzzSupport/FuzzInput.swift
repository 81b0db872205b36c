/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, copied into an array.
///
/// Every fuzz target's entry point is the same three lines around its own `run`; this keeps the
/// pointer handling in one place.
public enum FuzzInput {
    /// Copies `size` bytes at `data` and hands them to `body`; returns 0, which tells libFuzzer
    /// to keep the input in the corpus if it found new coverage.
    public static func run(_ data: UnsafePointer<UInt8>, _ size: Int, _ body: ([UInt8]) -> Void) -> CInt {
        body(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
