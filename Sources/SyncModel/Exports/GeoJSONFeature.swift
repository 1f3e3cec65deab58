import Foundation

/// One GeoJSON Feature of the GeoJSON export: a response placed at one of its geopoints.
public struct GeoJSONFeature: Codable, Hashable, Sendable {
    /// A GeoJSON Point geometry.
    public struct Point: Codable, Hashable, Sendable {
        /// Always `Point`.
        public var type = "Point"
        /// Longitude, latitude and, when recorded, altitude (RFC 7946 order).
        public var coordinates: [Double]
    }

    /// The feature's properties: the same object as in the JSON export, plus `geopoint`, the
    /// question that placed it.
    public struct Properties: Codable, Hashable, Sendable {
        private enum CodingKeys: String, CodingKey { case geopoint }

        /// The response.
        public var response: ExportedResponse
        /// The geopoint question whose answer is the geometry.
        public var geopoint: String

        /// Creates properties.
        public init(response: ExportedResponse, geopoint: String) {
            self.response = response
            self.geopoint = geopoint
        }

        /// Decodes the flat object.
        public init(from decoder: any Decoder) throws {
            response = try ExportedResponse(from: decoder)
            geopoint = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .geopoint)
        }

        /// Encodes the response's members and `geopoint` side by side.
        public func encode(to encoder: any Encoder) throws {
            try response.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(geopoint, forKey: .geopoint)
        }
    }

    /// Always `Feature`.
    public var type = "Feature"
    /// The record id.
    public var id: UUID
    /// The location.
    public var geometry: Point
    /// The response and the question the location came from.
    public var properties: Properties

    /// The feature of `record`, placed at the answer of the first geopoint question of `survey`
    /// (in question order) that holds a valid location; nil when none does.
    public init?(record: Record, survey: SurveyDefinition, pseudonymization: ExportPseudonymization? = nil) {
        let values = record.values
        let skipsPersonal = pseudonymization != nil
        for question in survey.questions where question.type == .geopoint && !(skipsPersonal && question.personal) {
            guard case .object(let members)? = values[question.name],
                let latitude = members["latitude"]?.numberValue, let longitude = members["longitude"]?.numberValue,
                (-90...90).contains(latitude), (-180...180).contains(longitude)
            else { continue }
            var coordinates = [longitude, latitude]
            if let altitude = members["altitude"]?.numberValue { coordinates.append(altitude) }
            id = record.id
            geometry = Point(coordinates: coordinates)
            properties = Properties(
                response: ExportedResponse(record: record, survey: survey, pseudonymization: pseudonymization),
                geopoint: question.name)
            return
        }
        return nil
    }
}
