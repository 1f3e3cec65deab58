/// The answer of `POST /v1/cohorts/{id}/pseudonyms`: each asked name's pseudonym, e.g. `"anna": "P-3F9A1C"`.
public struct PseudonymMap: Codable, Hashable, Sendable {
    /// Pseudonyms by participant name.
    public var pseudonyms: [String: String]

    /// Creates a map.
    public init(pseudonyms: [String: String]) {
        self.pseudonyms = pseudonyms
    }
}
