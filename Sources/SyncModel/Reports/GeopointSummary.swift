/// How many locations were recorded, and the box around them.
public struct GeopointSummary: Codable, Hashable, Sendable {
    /// How many answers held a valid location.
    public var count: Int
    /// The southern edge; nil when there are none.
    public var minLatitude: Double?
    /// The northern edge.
    public var maxLatitude: Double?
    /// The western edge.
    public var minLongitude: Double?
    /// The eastern edge.
    public var maxLongitude: Double?

    /// Summarizes geopoint answers (`{"latitude": …, "longitude": …}`); others are ignored.
    public init(_ answers: [FieldValue]) {
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        for case .object(let members) in answers {
            guard let latitude = members["latitude"]?.numberValue, let longitude = members["longitude"]?.numberValue
            else { continue }
            latitudes.append(latitude)
            longitudes.append(longitude)
        }
        count = latitudes.count
        minLatitude = latitudes.min()
        maxLatitude = latitudes.max()
        minLongitude = longitudes.min()
        maxLongitude = longitudes.max()
    }
}
