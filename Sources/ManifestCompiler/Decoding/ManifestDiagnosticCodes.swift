import Diagnostics

/// The manifest's diagnostic codes (`SB2xxx`). docs/diagnostics.md lists each with an example;
/// a code keeps its meaning forever once released.
extension DiagnosticCode {
    // Shape of the document.
    public static let unknownKey = DiagnosticCode("SB2001", title: "unknown key")
    public static let wrongNodeKind = DiagnosticCode("SB2002", title: "value of the wrong kind")
    public static let missingValue = DiagnosticCode("SB2003", title: "key without a value")
    public static let missingField = DiagnosticCode("SB2004", title: "required key missing")
    public static let invalidBoolean = DiagnosticCode("SB2005", title: "not a boolean")
    public static let invalidInteger = DiagnosticCode("SB2006", title: "not a whole number")
    public static let invalidEnumValue = DiagnosticCode("SB2007", title: "value not among the allowed ones")
    public static let valueOutOfRange = DiagnosticCode("SB2008", title: "number out of range")
    public static let unsupportedVersion = DiagnosticCode("SB2009", title: "unsupported manifest version")
    public static let valueTooLong = DiagnosticCode("SB2014", title: "value longer than its field allows")

    // Names.
    public static let invalidName = DiagnosticCode("SB2010", title: "invalid name")
    public static let duplicateName = DiagnosticCode("SB2011", title: "name defined twice")
    public static let conflictingKeys = DiagnosticCode("SB2012", title: "keys that exclude each other")
    public static let duplicateSetting = DiagnosticCode("SB2013", title: "setting defined twice")

    // Addresses.
    public static let invalidHost = DiagnosticCode("SB2020", title: "invalid host name or address")
    public static let invalidAddressSyntax = DiagnosticCode("SB2021", title: "address is not host[:port]")
    public static let invalidIPAddress = DiagnosticCode("SB2022", title: "invalid IP address")
    public static let nonPublicRegistrationIP = DiagnosticCode(
        "SB2023", title: "registration IP is not a public address")
    public static let invalidAddressRange = DiagnosticCode("SB2024", title: "invalid trunk address range")

    // Provider type rules.
    public static let missingCredentials = DiagnosticCode(
        "SB2030", title: "standard provider without login or password")
    public static let trunkWithoutAllowList = DiagnosticCode(
        "SB2031", title: "trunk provider without source addresses")
    public static let unusedCredentials = DiagnosticCode("SB2032", title: "credentials a trunk never uses")
    public static let unusedTrunkSettings = DiagnosticCode(
        "SB2033", title: "trunk settings on a standard provider")

    // Numbers and identities.
    public static let invalidCallerID = DiagnosticCode("SB2041", title: "caller ID is not E.164")
    public static let invalidExtensionNumber = DiagnosticCode("SB2042", title: "invalid extension number")
    public static let invalidDialPattern = DiagnosticCode("SB2043", title: "invalid number prefix")
    public static let invalidLengthBounds = DiagnosticCode("SB2044", title: "minimum length above maximum")

    // Secrets.
    public static let plaintextSecret = DiagnosticCode("SB2050", title: "plaintext secret in the manifest")
    public static let invalidSecretReference = DiagnosticCode("SB2051", title: "invalid secret reference")

    // Cross-object checks: references, reachability, ambiguity.
    public static let unknownProvider = DiagnosticCode("SB2060", title: "unknown provider")
    public static let unknownExtension = DiagnosticCode("SB2061", title: "unknown extension")
    public static let routeThroughDisabledProvider = DiagnosticCode(
        "SB2062", title: "route through a disabled provider")
    public static let routeThroughOutgoingDenied = DiagnosticCode(
        "SB2063", title: "route through a provider that refuses outgoing calls")
    public static let inboundThroughRefusingProvider = DiagnosticCode(
        "SB2064", title: "inbound rule for a provider that receives no calls")
    public static let ruleWithoutUsableRoute = DiagnosticCode("SB2065", title: "outbound rule without a usable route")
    public static let shadowedRule = DiagnosticCode("SB2066", title: "rule that can never match")
    public static let catchAllBeforeSpecific = DiagnosticCode("SB2067", title: "catch-all rule before specific rules")
    public static let stripBeyondPrefix = DiagnosticCode("SB2068", title: "strip longer than the matched prefix")
    public static let prefixCapturesExtension = DiagnosticCode(
        "SB2069", title: "outbound prefix matches an internal extension")
    public static let identicalTrunkRanges = DiagnosticCode(
        "SB2070", title: "two trunks accept the same source addresses")
    public static let nestedTrunkRanges = DiagnosticCode("SB2071", title: "trunk address ranges nest")
    public static let duplicateRegistration = DiagnosticCode(
        "SB2072", title: "two providers register the same login at the same server")
    public static let missingDefaultDestination = DiagnosticCode(
        "SB2073", title: "generated inbound rule without a destination")
}
