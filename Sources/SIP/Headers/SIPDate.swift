/// The Date header, `rfc1123-date` in GMT (RFC 3261 §20.17): `Sat, 13 Nov 2010 23:29:00 GMT`.
///
/// A registrar sends it in 200 OK to REGISTER so that clients without a clock can learn the
/// time (RFC 3261 §10.3 step 8). Calendar arithmetic is done here rather than with Foundation.
public struct SIPDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Parses `wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"`;
    /// the weekday must be a weekday name but is not checked against the date. `nil` if
    /// malformed or not a real calendar date.
    public init?(_ text: String) {
        var scanner = ByteScanner(text)
        scanner.skipWhitespace()
        guard let weekday = scanner.scanToken(), SIPDate.weekdays.contains(where: { asciiCaseInsensitiveEquals($0.utf8, weekday) }),
            scanner.consume(ASCII.comma), scanner.skipWhitespace(),
            let day = SIPDate.number(&scanner, digits: 2), scanner.skipWhitespace(),
            let monthName = scanner.scanToken(),
            let monthIndex = SIPDate.months.firstIndex(where: { asciiCaseInsensitiveEquals($0.utf8, monthName) }),
            scanner.skipWhitespace(),
            let year = SIPDate.number(&scanner, digits: 4), scanner.skipWhitespace(),
            let hour = SIPDate.number(&scanner, digits: 2), scanner.consume(ASCII.colon),
            let minute = SIPDate.number(&scanner, digits: 2), scanner.consume(ASCII.colon),
            let second = SIPDate.number(&scanner, digits: 2), scanner.skipWhitespace(),
            let zone = scanner.scanToken(), asciiCaseInsensitiveEquals(zone, "GMT".utf8)
        else { return nil }
        scanner.skipWhitespace()
        let month = monthIndex + 1
        guard scanner.isAtEnd, hour < 24, minute < 60, second < 61, day >= 1,
            day <= SIPDate.daysInMonth(month, year: year)
        else { return nil }
        let days = SIPDate.daysSince1970(year: year, month: month, day: day)
        secondsSince1970 = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public static func < (lhs: SIPDate, rhs: SIPDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// `Sat, 13 Nov 2010 23:29:00 GMT`.
    public var description: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let secondsOfDay = Int(secondsSince1970 - days * 86_400)
        let (year, month, day) = SIPDate.civilDate(daysSince1970: days)
        let weekday = SIPDate.weekdays[Int(((days % 7) + 7) % 7)]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var yearText = String(year)
        while yearText.count < 4 { yearText = "0" + yearText }
        return "\(weekday), \(two(day)) \(SIPDate.months[month - 1]) \(yearText) "
            + "\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60)) GMT"
    }

    private static func number(_ scanner: inout ByteScanner, digits: Int) -> Int? {
        let bytes = scanner.scan(.digit)
        guard bytes.count == digits else { return nil }
        return DecimalParsing.parse(bytes, maximum: 9999)
    }

    private static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's
    /// days_from_civil).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysSince1970(year:month:day:)`` (civil_from_days).
    private static func civilDate(daysSince1970 days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
