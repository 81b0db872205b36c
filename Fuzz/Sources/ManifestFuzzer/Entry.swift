import FuzzSupport

/// libFuzzer's callback: one input is one manifest file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.run(data, size) { CompileOracle.check($0) }
}
