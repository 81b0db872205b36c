/// Splits a list header value at its element commas (RFC 3261 §7.3.1): a comma inside a
/// `quoted-string` (with `\"` escapes) or inside `<…>` is part of an element, so
/// `"a, b" <sip:x@y>;q=0.5, <sip:z@w>` is two elements.
enum HeaderValueSplitter {
    /// Calls `body` with each element of `value`, trimmed of SP/HTAB; empty elements are
    /// skipped, as RFC 7230 §7 asks of list recipients.
    static func forEachElement(of value: String, _ body: (ArraySlice<UInt8>) -> Void) {
        let bytes = Array(value.utf8)
        var elementStart = 0
        var inQuotes = false
        var angleDepth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == ASCII.backslash {
                    index += 1  // the escaped byte, whatever it is
                } else if byte == ASCII.quote {
                    inQuotes = false
                }
            } else {
                switch byte {
                case ASCII.quote:
                    inQuotes = true
                case ASCII.lessThan:
                    angleDepth += 1
                case ASCII.greaterThan:
                    if angleDepth > 0 { angleDepth -= 1 }
                case ASCII.comma where angleDepth == 0:
                    emit(bytes[elementStart..<index], body)
                    elementStart = index + 1
                default:
                    break
                }
            }
            index += 1
        }
        if elementStart < bytes.count {
            emit(bytes[elementStart..<bytes.count], body)
        }
    }

    private static func emit(_ element: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) {
        let trimmed = element.trimmingSIPWhitespace
        if !trimmed.isEmpty { body(trimmed) }
    }

    /// The elements of `value` as byte slices.
    static func elements(of value: String) -> [ArraySlice<UInt8>] {
        var result = [ArraySlice<UInt8>]()
        forEachElement(of: value) { result.append($0) }
        return result
    }
}
