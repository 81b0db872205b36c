import FuzzSupport

/// libFuzzer's callback: one input is one bundle file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.run(data, size) { LoadOracle.check($0) }
}
