/// The formats a cohort's responses can be exported in.
public enum ExportFormat: String, CaseIterable, Codable, Hashable, Sendable {
    /// RFC 4180 CSV, UTF-8, CRLF line ends: one row per response, one column per question.
    case csv
    /// A JSON array with one object per response.
    case json
    /// A GeoJSON (RFC 7946) FeatureCollection of the responses that hold a location.
    case geojson

    /// The HTTP `Content-Type` of the format.
    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8; header=present"
        case .json: "application/json; charset=utf-8"
        case .geojson: "application/geo+json; charset=utf-8"
        }
    }

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The file name for an export of `survey`, e.g. `nachbarschaft-2026.csv`, with only
    /// characters that are safe in a `Content-Disposition` header and on every file system.
    public func fileName(survey: String) -> String {
        Self.fileName(survey: survey, extension: fileExtension)
    }

    /// The safe file name `survey.extension` (other characters replaced by `_`), for any format.
    public static func fileName(survey: String, extension fileExtension: String) -> String {
        let safe = String(survey.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(scalar)
            default: "_"
            }
        })
        return (safe.isEmpty ? "export" : safe) + "." + fileExtension
    }
}
