/// How many locations were recorded, and the box around them.
public struct GeopointSummary: Codable, Hashable, Sendable {
    /// How many answers held a valid location.
    public var count = 0
    /// The southern edge; nil when there are none.
    public var minLatitude: Double?
    /// The northern edge.
    public var maxLatitude: Double?
    /// The western edge.
    public var minLongitude: Double?
    /// The eastern edge.
    public var maxLongitude: Double?

    /// An empty summary, to ``add(_:)`` answers to one at a time.
    public init() {}

    /// Summarizes geopoint answers (`{"latitude": …, "longitude": …}`); others are ignored.
    public init(_ answers: [FieldValue]) {
        for answer in answers { add(answer) }
    }

    /// Counts one answer into the box when it is a geopoint (`{"latitude": …, "longitude": …}`); ignores others.
    public mutating func add(_ answer: FieldValue) {
        guard case .object(let members) = answer, let latitude = members["latitude"]?.numberValue,
            let longitude = members["longitude"]?.numberValue
        else { return }
        count += 1
        minLatitude = Swift.min(minLatitude ?? latitude, latitude)
        maxLatitude = Swift.max(maxLatitude ?? latitude, latitude)
        minLongitude = Swift.min(minLongitude ?? longitude, longitude)
        maxLongitude = Swift.max(maxLongitude ?? longitude, longitude)
    }
}
